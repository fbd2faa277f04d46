package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class HostCheckTest {

    @Test
    void should_read_the_name_of_a_host_header() {
        assertThat(HostCheck.name("Evil.Example:8092")).isEqualTo("evil.example");
        assertThat(HostCheck.name("localhost")).isEqualTo("localhost");
        assertThat(HostCheck.name("[::1]:8080")).isEqualTo("::1");
        assertThat(HostCheck.name("127.0.0.1:8080")).isEqualTo("127.0.0.1");
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
