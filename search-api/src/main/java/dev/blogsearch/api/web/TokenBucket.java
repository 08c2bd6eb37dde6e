package dev.blogsearch.api.web;

/**
 * One client's allowance: holds up to {@code capacity} tokens, refilled at {@code perSecond}; a request takes one.
 * Thread-safe (a client's requests may run on several event loops); time is passed in so tests need no sleeping.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;

    public TokenBucket(int capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes a token: 0 when there was one, else how many nanoseconds until there will be. */
    public synchronized long tryTake(long nowNanos) {
        long wait = waitNanos(nowNanos);
        if (wait == 0) {
            tokens -= 1;
        }
        return wait;
    }

    /** 0 when a token is there to take, else how many nanoseconds until there will be; takes nothing. */
    public synchronized long waitNanos(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedNanos);
        tokens = Math.min(capacity, tokens + elapsed * perNano);
        updatedNanos = nowNanos;
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }
}
