package dev.footnote.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footnote.config.FootnoteConfig;

/** The configured keys of each realm: the API keys and the admin token. A realm without keys is not guarded. */
@ApplicationScoped
class Keyring {

    private final BearerKeys apiKeys;
    private final BearerKeys adminToken;

    @Inject
    Keyring(FootnoteConfig config) {
        this(config.api().keys().orElse(List.of()), config.admin().token());
    }

    Keyring(List<String> apiKeys, Optional<String> adminToken) {
        this.apiKeys = new BearerKeys(apiKeys);
        this.adminToken = new BearerKeys(adminToken.stream().toList());
    }

    /** Whether the realm asks for a key: it has at least one configured. */
    boolean guards(KeyRealm realm) {
        return !keys(realm).isEmpty();
    }

    boolean accepts(KeyRealm realm, String key) {
        return keys(realm).accepts(key);
    }

    private BearerKeys keys(KeyRealm realm) {
        return switch (realm) {
            case API -> apiKeys;
            case ADMIN -> adminToken;
            case NONE -> BearerKeys.NONE;
        };
    }
}
