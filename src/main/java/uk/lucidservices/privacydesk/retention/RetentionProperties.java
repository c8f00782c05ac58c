package uk.lucidservices.privacydesk.retention;

import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retention schedule of the desk's own records ({@code desk.retention.*}; the README gives the
 * defaults and why). Every store must have an entry, counted from the event that store records: a
 * schedule with a store missing or counted from the wrong event stops start-up, so nothing is
 * silently kept for ever.
 *
 * @param enabled   run the nightly retention job (DESK_RETENTION_ENABLED)
 * @param cron      when it runs, UK time; inside the engine's history-cleanup window (DESK_RETENTION_CRON)
 * @param batchSize rows removed per transaction; at least 1
 * @param lease     how long one node of a cluster holds the job; a node that dies mid-run frees it when
 *                  this runs out; positive
 * @param schedule  each store's retention: a period (ISO 8601) counted from the event that store records
 */
@ConfigurationProperties("desk.retention")
public record RetentionProperties(
        boolean enabled, String cron, int batchSize, Duration lease, Map<RetentionStore, Rule> schedule) {

    /**
     * A period counted from an event: {@code P30D} after {@code REQUEST_CLOSED}.
     *
     * @param period how long the store's rows are kept (ISO 8601 period)
     * @param from   the event the period counts from
     */
    public record Rule(Period period, RetentionEvent from) {}

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("desk.retention.batch-size must be at least 1");
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("desk.retention.lease must be a positive duration");
        }
        Map<RetentionStore, Rule> checked = new EnumMap<>(RetentionStore.class);
        for (RetentionStore store : RetentionStore.values()) {
            Rule rule = schedule == null ? null : schedule.get(store);
            if (rule == null || rule.period() == null || rule.from() == null) {
                throw new IllegalArgumentException(
                        "desk.retention.schedule." + store.key() + " needs a period and the event it counts from");
            }
            if (rule.period().isNegative()) {
                throw new IllegalArgumentException("desk.retention.schedule." + store.key() + ".period is negative");
            }
            if (rule.from() != store.countedFrom()) {
                throw new IllegalArgumentException("desk.retention.schedule." + store.key() + ".from must be "
                        + store.countedFrom() + ": that is the date the store records");
            }
            checked.put(store, rule);
        }
        schedule = Map.copyOf(checked);
    }

    public Rule rule(RetentionStore store) {
        return schedule.get(store);
    }
}
