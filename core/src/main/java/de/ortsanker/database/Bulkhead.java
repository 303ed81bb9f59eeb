package de.ortsanker.database;

import de.ortsanker.problem.Busy;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most n pieces of work of one expensive class at once, so that they cannot hold every pooled
 * connection and starve the cheap requests (issue 17: 32 slow searches took all ten connections, and
 * nearby, items, tiles and readiness failed with them). Work that finds no free slot within the wait is
 * refused at once with {@link Busy} (the service answers 429 with {@code Retry-After}) rather than queued.
 *
 * <p>The one mechanism behind every such class: the service's search bulkhead (a servlet filter around
 * {@code /places/search} and {@code /map/suggest}) and the tiles' bound on rendering uncached low-zoom tiles
 * (inside the tile cache, so a cached tile never waits for a slot).
 *
 * <pre>
 * try (Bulkhead.Slot slot = bulkhead.enter()) {  // throws Busy when full
 *     … the expensive work …
 * }
 * </pre>
 */
public final class Bulkhead {

    /** The slot held while the work runs; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final String requestClass;
    private final Semaphore slots;
    private final long waitNanos;
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param requestClass the class's name, in messages, settings ({@code ortsanker.requests.<class>…}) and metrics
     * @param concurrency  how many may run at once (at least 1)
     * @param wait         how long one waits for a free slot before it is refused
     */
    public Bulkhead(String requestClass, int concurrency, Duration wait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the concurrency of " + requestClass + " requests must be at least 1, not "
                    + concurrency);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("the wait of " + requestClass + " requests must not be negative: " + wait);
        }
        this.requestClass = requestClass;
        this.slots = new Semaphore(concurrency, true);
        this.waitNanos = wait.toNanos();
    }

    /** A free slot, waited for at most the bulkhead's wait; {@link Busy} when none came free. */
    public Slot enter() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.incrementAndGet();
            throw new Busy(requestClass, 1);
        }
        return new Slot() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    slots.release();
                }
            }
        };
    }

    /** How much work of the class was refused since the start (for the service's metrics). */
    public long refused() {
        return refused.get();
    }

    /** Slots free right now (tests, monitoring). */
    public int available() {
        return slots.availablePermits();
    }

    public String requestClass() {
        return requestClass;
    }
}
