package dev.blogsearch.api.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Warnings that a client can cause at will (a wrong admin token, a refused connection): at most one line per
 * interval, so a flood cannot fill the disk or bury other lines; the next line says how many were held back.
 * Thread-safe.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final Duration interval;
    private final AtomicLong nextAllowedNanos;
    private final AtomicLong heldBack = new AtomicLong();

    public ThrottledLog(Logger log, Duration interval) {
        this.log = log;
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.nextAllowedNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Logs {@code format} with {@code args} as a warning, unless a line was logged less than an interval ago. */
    public void warn(String format, Object... args) {
        long now = System.nanoTime();
        long next = nextAllowedNanos.get();
        if (now - next < 0 || !nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
            heldBack.incrementAndGet();
            return;
        }
        long held = heldBack.getAndSet(0);
        if (held == 0) {
            log.warn(format, args);
        } else {
            log.warn(format + " (and " + held + " more like it in the " + interval.toSeconds() + " s before)", args);
        }
    }
}
