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
