package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** serve warns when others can reach it without keys: any address but this machine's own loopback. */
class ListenAddressTest {

    @Test
    void should_tell_loopback_from_addresses_others_reach() {
        for (String loopback : new String[] { "127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1" }) {
            assertThat(ServeCommand.isLoopback(loopback)).as(loopback).isTrue();
        }
        for (String open : new String[] { "0.0.0.0", "::", "192.168.1.5", "footnote.example.org" }) {
            assertThat(ServeCommand.isLoopback(open)).as(open).isFalse();
        }
    }
}
