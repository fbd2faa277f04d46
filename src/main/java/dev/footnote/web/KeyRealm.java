package dev.footnote.web;

import java.util.Locale;

/**
 * Which key a path asks for: the API's ({@code footnote.api.keys}) on {@code /api/*}, {@code /v1/*} and
 * {@code /mcp}, the admin token ({@code footnote.admin.token}) on {@code /api/admin/*}, and none elsewhere
 * (health, metrics, the API description and the page).
 */
enum KeyRealm {

    API("api", "footnote.api.keys"),
    ADMIN("admin", "footnote.admin.token"),
    NONE("", "");

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
        String normalized = path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (under(normalized, "/api/admin")) {
            return ADMIN;
        }
        if (under(normalized, "/api") || under(normalized, "/v1") || under(normalized, "/mcp")) {
            return API;
        }
        return NONE;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
