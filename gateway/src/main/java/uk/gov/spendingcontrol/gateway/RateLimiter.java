package uk.gov.spendingcontrol.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per client and route class, in this process's memory: {@code burst} requests at once, refilled at
 * {@code perSecond}. A refused request learns how long until the next one may pass ({@code Retry-After}). Idle buckets
 * (full again) are dropped by {@link #evictIdle}, so the table holds only clients seen recently.
 */
final class RateLimiter {

    /** Outcome of one check: allowed, or refused with the seconds to wait. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes one token from the bucket of {@code key} under {@code rate}, if there is one. */
    Decision acquire(String key, GatewayConfig.Rate rate) {
        double perSecond = rate.perSecond();
        int burst = Math.max(1, rate.burst());
        if (perSecond <= 0) {
            return new Decision(false, 60);
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double elapsed = Math.max(0, now - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond)));
        }
    }

    /** Drops buckets that have been idle long enough to be full again (they hold nothing a new bucket would not). */
    void evictIdle(GatewayConfig.RateLimits limits) {
        long now = nanoTime.getAsLong();
        double slowest = Math.min(Math.min(limits.anonymous().perSecond(), limits.read().perSecond()),
                Math.min(limits.write().perSecond(), limits.bulk().perSecond()));
        int largest = Math.max(Math.max(limits.anonymous().burst(), limits.read().burst()),
                Math.max(limits.write().burst(), limits.bulk().burst()));
        long refillNanos = slowest <= 0 ? Long.MAX_VALUE : (long) (largest / slowest * 1e9);
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return now - e.getValue().updatedNanos > refillNanos;
            }
        });
    }

    int size() {
        return buckets.size();
    }
}
