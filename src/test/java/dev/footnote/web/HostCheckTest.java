package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class HostCheckTest {

    @Test
    void should_compare_hosts_by_their_names() {
        assertThat(HostCheck.name("Evil.Example")).isEqualTo("evil.example");
        assertThat(HostCheck.name("localhost")).isEqualTo("localhost");
        assertThat(HostCheck.name("[::1]")).isEqualTo("::1");
        assertThat(HostCheck.name("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void should_serve_localhost_names_ip_addresses_and_configured_names() {
        for (String name : new String[] { "localhost", "app.localhost", "127.0.0.1", "10.0.0.7", "::1", "fe80::1",
                "footnote.example.org" }) {
            assertThat(HostCheck.served(name, Set.of("footnote.example.org"))).as(name).isTrue();
        }
    }

    @Test
    void should_refuse_any_other_name() {
        for (String name : new String[] { "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "1.2.3",
                "256.1.1.1", "footnote.example.org.evil.example", "db" }) {
            assertThat(HostCheck.served(name, Set.of("footnote.example.org"))).as(name).isFalse();
        }
    }
}
