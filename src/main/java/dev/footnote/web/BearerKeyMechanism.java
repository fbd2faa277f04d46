package dev.footnote.web;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <key>} on a guarded path and has {@link BearerKeyIdentityProvider} check it
 * against the path's realm ({@link KeyRealm}). A request without a key stays anonymous, and {@link KeyPolicy}
 * refuses it where a key is needed. Either refusal is answered by {@link #sendChallenge}: 401 with
 * {@code WWW-Authenticate} and a problem whose detail says whether the key was missing or wrong, with OpenAI's
 * {@code error} member beside it under {@code /v1}.
 */
@ApplicationScoped
class BearerKeyMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Bearer realm=\"footnote\"";
    static final String REALM_ATTRIBUTE = KeyRealm.class.getName();

    private final Keyring keyring;
    private final ObjectMapper json;

    BearerKeyMechanism(Keyring keyring, ObjectMapper json) {
        this.keyring = keyring;
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        KeyRealm realm = KeyRealm.of(context);
        Optional<String> key = keyring.guards(realm)
                ? BearerKeys.presented(context.request().getHeader(HttpHeaders.AUTHORIZATION)) : Optional.empty();
        if (key.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(key.get(), "bearer"));
        request.setAttribute(REALM_ATTRIBUTE, realm);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        KeyRealm realm = KeyRealm.of(context);
        boolean presented = BearerKeys.presented(context.request().getHeader(HttpHeaders.AUTHORIZATION)).isPresent();
        context.response().putHeader("WWW-Authenticate", CHALLENGE);
        RouteProblems.send(context, refusal(realm, presented), json);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    static Problem refusal(KeyRealm realm, boolean presented) {
        String detail = switch (realm) {
            case ADMIN -> presented
                    ? "that is not this Footnote's admin token: send Authorization: Bearer <footnote.admin.token>"
                    : "send Authorization: Bearer <footnote.admin.token>";
            default -> presented
                    ? "the API key is not one of this Footnote's keys"
                    : "this Footnote asks for an API key: send it as Authorization: Bearer <key>";
        };
        return Problem.of(401, "Unauthorized", detail);
    }
}
