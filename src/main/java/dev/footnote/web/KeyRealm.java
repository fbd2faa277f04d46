package dev.footnote.web;

import java.util.Locale;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * Which key a path asks for: the API's ({@code footnote.api.keys}) on {@code /api/*}, {@code /v1/*} and
 * {@code /mcp}, the admin token ({@code footnote.admin.token}) on {@code /api/admin/*}, and none elsewhere
 * (health, metrics, the API description and the page).
 */
enum KeyRealm {

    API("api", "footnote.api.keys"),
    ADMIN("admin", "footnote.admin.token"),
    NONE("", "");

    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
    /** Where a request's realm is kept once read: the mechanism and the policy both ask for it. */
    private static final String CONTEXT_KEY = KeyRealm.class.getName();

    private final String role;
    private final String setting;

    KeyRealm(String role, String setting) {
        this.role = role;
        this.setting = setting;
    }

    /** The role an identity holds once it has presented one of this realm's keys. */
    String role() {
        return role;
    }

    /** The setting that holds this realm's keys. */
    String setting() {
        return setting;
    }

    /**
     * The realm of a path. The router's normalised path is matched without regard to case and with repeated
     * slashes folded, so that no spelling of a guarded path the router might still route slips through; path
     * parameters and encoded slashes never reach here ({@link RequestLimits}).
     */
    static KeyRealm of(String path) {
        String normalized = REPEATED_SLASHES.matcher(path).replaceAll("/").toLowerCase(Locale.ROOT);
        if (under(normalized, "/api/admin")) {
            return ADMIN;
        }
        if (under(normalized, "/api") || under(normalized, "/v1") || under(normalized, "/mcp")) {
            return API;
        }
        return NONE;
    }

    /** The realm of a request's path, read once per request. */
    static KeyRealm of(RoutingContext request) {
        KeyRealm realm = request.get(CONTEXT_KEY);
        if (realm == null) {
            realm = of(request.normalizedPath());
            request.put(CONTEXT_KEY, realm);
        }
        return realm;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
