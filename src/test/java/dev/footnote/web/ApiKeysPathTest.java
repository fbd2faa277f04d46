package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysPathTest {

    @Test
    void should_protect_the_api_the_openai_api_and_mcp() {
        assertThat(KeyRealm.of("/api/passages")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/api")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("//api//chat")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/v1/chat/completions")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/mcp")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/mcp/sse")).isEqualTo(KeyRealm.API);
    }

    @Test
    void should_protect_every_spelling_of_a_protected_path() {
        assertThat(KeyRealm.of("/API/essays")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/Api/passages")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/V1/models")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/MCP")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/api/essays/")).isEqualTo(KeyRealm.API);
        assertThat(KeyRealm.of("/API/ADMIN/reindex")).isEqualTo(KeyRealm.ADMIN);
    }

    @Test
    void should_read_the_raw_path_for_path_parameters_and_encoded_slashes() {
        assertThat(RequestLimits.rawPath("/api;/essays?q=a;b")).isEqualTo("/api;/essays");
        assertThat(RequestLimits.rawPath("/api/passages?q=a;b")).doesNotContain(";");
        assertThat(RequestLimits.hasEncodedSeparator("/api%2Fessays")).isTrue();
        assertThat(RequestLimits.hasEncodedSeparator("/api%2fessays")).isTrue();
        assertThat(RequestLimits.hasEncodedSeparator("/api%5Cessays")).isTrue();
        assertThat(RequestLimits.hasEncodedSeparator("/api/essays/a%20b")).isFalse();
    }

    @Test
    void should_keep_the_admin_token_for_admin_paths_and_leave_the_rest_open() {
        assertThat(KeyRealm.of("/api/admin/reindex")).isEqualTo(KeyRealm.ADMIN);
        assertThat(KeyRealm.of("/q/health/ready")).isEqualTo(KeyRealm.NONE);
        assertThat(KeyRealm.of("/q/metrics")).isEqualTo(KeyRealm.NONE);
        assertThat(KeyRealm.of("/")).isEqualTo(KeyRealm.NONE);
        assertThat(KeyRealm.of("/app.js")).isEqualTo(KeyRealm.NONE);
        assertThat(KeyRealm.of("/apiary")).isEqualTo(KeyRealm.NONE);
        assertThat(KeyRealm.of("/mcpx")).isEqualTo(KeyRealm.NONE);
    }
}
