package de.ortsanker.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client request throttling ({@code ortsanker.accounts.throttle.*}, see {@link RequestThrottle}): each
 * client address has a bucket per class that holds {@code burst} requests and refills {@code perMinute}
 * a minute.
 */
@ConfigurationProperties("ortsanker.accounts.throttle")
public record ThrottleSettings(Limit signIn, Limit writes) {

    /** A token bucket: at most {@code burst} at once, {@code perMinute} sustained. */
    public record Limit(int burst, int perMinute) {
        public Limit {
            if (burst < 1 || perMinute < 1) {
                throw new IllegalArgumentException("a throttle's burst and per-minute must be at least 1, not " + burst
                        + " and " + perMinute);
            }
        }
    }

    public ThrottleSettings {
        signIn = signIn == null ? new Limit(20, 10) : signIn;
        writes = writes == null ? new Limit(300, 120) : writes;
    }
}
