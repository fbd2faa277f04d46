package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysPathTest {

    @Test
    void should_protect_the_api_the_openai_api_and_mcp() {
        assertThat(ApiKeys.isProtected("/api/passages")).isTrue();
        assertThat(ApiKeys.isProtected("/api")).isTrue();
        assertThat(ApiKeys.isProtected("//api//chat")).isTrue();
        assertThat(ApiKeys.isProtected("/v1/chat/completions")).isTrue();
        assertThat(ApiKeys.isProtected("/mcp")).isTrue();
        assertThat(ApiKeys.isProtected("/mcp/sse")).isTrue();
    }

    @Test
    void should_protect_every_spelling_of_a_protected_path() {
        assertThat(ApiKeys.isProtected("/API/essays")).isTrue();
        assertThat(ApiKeys.isProtected("/Api/passages")).isTrue();
        assertThat(ApiKeys.isProtected("/V1/models")).isTrue();
        assertThat(ApiKeys.isProtected("/MCP")).isTrue();
        assertThat(ApiKeys.isProtected("/api/essays/")).isTrue();
        assertThat(ApiKeys.isProtected("/API/ADMIN/reindex")).isFalse();
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
    void should_leave_the_rest_open() {
        assertThat(ApiKeys.isProtected("/api/admin/reindex")).isFalse();
        assertThat(ApiKeys.isProtected("/q/health/ready")).isFalse();
        assertThat(ApiKeys.isProtected("/q/metrics")).isFalse();
        assertThat(ApiKeys.isProtected("/")).isFalse();
        assertThat(ApiKeys.isProtected("/app.js")).isFalse();
        assertThat(ApiKeys.isProtected("/apiary")).isFalse();
        assertThat(ApiKeys.isProtected("/mcpx")).isFalse();
    }
}
