package dev.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a bearer key into an identity holding its realm's role, when the key is one of that realm's keys; any
 * other key fails authentication. Keys are compared as digests ({@link BearerKeys}), without blocking.
 */
@ApplicationScoped
class BearerKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Keyring keyring;

    BearerKeyIdentityProvider(Keyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        KeyRealm realm = request.getAttribute(BearerKeyMechanism.REALM_ATTRIBUTE);
        if (realm == null || !keyring.accepts(realm, request.getToken().getToken())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(realm.role())).addRole(realm.role()).build());
    }
}
