package dev.footnote.web;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides which failures to log when they repeat with every request while something is down. The first
 * failure of a kind is logged; the repeats within the next window are only counted, and the count goes with
 * the next one logged. A flood of failing requests writes a line per kind and window, not one per request.
 */
final class RepeatedFailures {

    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RepeatedFailures(Duration window, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Whether to log this failure of {@code kind}: if so, how many of its kind were held back since the last
     * one logged; empty if it is a repeat to hold back.
     */
    OptionalLong admit(String kind) {
        long now = nanoClock.getAsLong();
        long[] heldBack = { -1 };
        windows.compute(kind, (key, window) -> {
            if (window == null || now - window.opened >= windowNanos) {
                heldBack[0] = window == null ? 0 : window.heldBack;
                return new Window(now);
            }
            window.heldBack++;
            return window;
        });
        return heldBack[0] < 0 ? OptionalLong.empty() : OptionalLong.of(heldBack[0]);
    }

    private static final class Window {
        final long opened;
        long heldBack;

        Window(long opened) {
            this.opened = opened;
        }
    }
}
