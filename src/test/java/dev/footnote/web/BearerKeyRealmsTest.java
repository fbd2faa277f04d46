package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Each realm takes its own keys only, and an unguarded realm stays open. */
class BearerKeyRealmsTest {

    private final Keyring keyring = new Keyring(List.of("api-one", " api-two "), Optional.of("admin-token"));
    private final BearerKeyIdentityProvider identities = new BearerKeyIdentityProvider(keyring);
    private final KeyPolicy policy = new KeyPolicy(keyring);

    @Test
    void should_give_a_key_its_realms_role() {
        assertThat(identify(KeyRealm.API, "api-one").hasRole("api")).isTrue();
        assertThat(identify(KeyRealm.API, "api-two").hasRole("api")).isTrue();
        assertThat(identify(KeyRealm.ADMIN, "admin-token").hasRole("admin")).isTrue();
        assertThat(identify(KeyRealm.ADMIN, "admin-token").hasRole("api")).isFalse();
    }

    @Test
    void should_refuse_a_key_of_another_realm_or_none() {
        for (String key : List.of("admin-token", "api-one ", "api-on", "")) {
            assertThatThrownBy(() -> identify(KeyRealm.API, key)).as(key)
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> identify(KeyRealm.ADMIN, "api-one"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> identify(KeyRealm.NONE, "api-one"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void should_let_through_only_the_realms_role_where_keys_are_configured() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        SecurityIdentity api = withRole("api");
        SecurityIdentity admin = withRole("admin");
        assertThat(policy.permits(KeyRealm.API, api)).isTrue();
        assertThat(policy.permits(KeyRealm.API, anonymous)).isFalse();
        assertThat(policy.permits(KeyRealm.API, admin)).isFalse();
        assertThat(policy.permits(KeyRealm.ADMIN, admin)).isTrue();
        assertThat(policy.permits(KeyRealm.ADMIN, api)).isFalse();
        assertThat(policy.permits(KeyRealm.NONE, anonymous)).isTrue();

        KeyPolicy open = new KeyPolicy(new Keyring(List.of(" "), Optional.empty()));
        assertThat(open.permits(KeyRealm.API, anonymous)).isTrue();
        assertThat(open.permits(KeyRealm.ADMIN, anonymous)).isTrue();
    }

    @Test
    void should_say_whether_the_key_was_missing_or_wrong_in_the_realms_words() {
        assertThat(BearerKeyMechanism.refusal(KeyRealm.API, false).detail())
                .isEqualTo("this Footnote asks for an API key: send it as Authorization: Bearer <key>");
        assertThat(BearerKeyMechanism.refusal(KeyRealm.API, true).detail())
                .isEqualTo("the API key is not one of this Footnote's keys");
        assertThat(BearerKeyMechanism.refusal(KeyRealm.ADMIN, false).detail())
                .isEqualTo("send Authorization: Bearer <footnote.admin.token>");
        assertThat(BearerKeyMechanism.refusal(KeyRealm.ADMIN, true).detail())
                .startsWith("that is not this Footnote's admin token");
        assertThat(BearerKeyMechanism.refusal(KeyRealm.ADMIN, true).status()).isEqualTo(401);
    }

    @Test
    void should_disable_the_admin_endpoint_without_a_token() {
        AdminResource admin = new AdminResource(null, null, new Keyring(List.of("api-one"), Optional.empty()));
        assertThatThrownBy(admin::reindex).isInstanceOfSatisfying(ProblemException.class,
                refusal -> assertThat(refusal.problem().status()).isEqualTo(404));
    }

    private SecurityIdentity identify(KeyRealm realm, String key) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(key, "bearer"));
        request.setAttribute(BearerKeyMechanism.REALM_ATTRIBUTE, realm);
        return identities.authenticate(request, null).await().indefinitely();
    }

    private static SecurityIdentity withRole(String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(role)).addRole(role).build();
    }
}
