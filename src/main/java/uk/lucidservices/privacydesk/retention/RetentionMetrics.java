package uk.lucidservices.privacydesk.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code desk_retention_removed_total{store}}: what the retention job removed from each of the
 * desk's stores since start (files deleted, rows deleted or cleared), counted once committed.
 */
final class RetentionMetrics {

    static final String PROCESSED_MAIL = "processed-mail";

    private final Map<String, Counter> removed = new HashMap<>();

    private final MeterRegistry registry;

    RetentionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RetentionStore store : RetentionStore.values()) {
            removed.put(store.key(), counter(registry, store.key()));
        }
        removed.put(PROCESSED_MAIL, counter(registry, PROCESSED_MAIL));
    }

    void removed(String store, long count) {
        if (count > 0) {
            // A scheduled erasure (relationship-end) gets its counter on its first run.
            removed.computeIfAbsent(store, s -> counter(registry, s)).increment(count);
        }
    }

    private static Counter counter(MeterRegistry registry, String store) {
        return Counter.builder("desk.retention.removed")
                .description("Items removed by the retention schedule")
                .tag("store", store)
                .register(registry);
    }
}
