package dev.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request to a guarded realm through only with that realm's role, that is with one of its keys; a realm
 * without configured keys stays open. Quarkus applies an unnamed policy bean like this one to every request. A
 * refused request is anonymous (a wrong key has already failed authentication), so Quarkus answers it with
 * {@link BearerKeyMechanism#sendChallenge}.
 */
@ApplicationScoped
class KeyPolicy implements HttpSecurityPolicy {

    private final Keyring keyring;

    KeyPolicy(Keyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        KeyRealm realm = KeyRealm.of(request);
        if (!keyring.guards(realm)) {
            return Uni.createFrom().item(CheckResult.PERMIT); // no need to wait for the identity
        }
        return identity.map(caller -> permits(realm, caller) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    /** Whether {@code caller} may use a path of {@code realm}. */
    boolean permits(KeyRealm realm, SecurityIdentity caller) {
        return !keyring.guards(realm) || caller.hasRole(realm.role());
    }
}
