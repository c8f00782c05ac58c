package uk.lucidservices.privacydesk.sla;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.lucidservices.privacydesk.calendar.SlaStatus;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * SLA metrics for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code desk_requests_open{type,status}}: open requests by type and RAG status;</li>
 *   <li>{@code desk_requests_breaches_total{type,clock}}: breaches recorded since start;</li>
 *   <li>{@code desk_requests_days_left{type,clock,bucket}}: how many open requests have that many days
 *       left on each clock (buckets overdue, 0-7, 8-14, 15-28, 29-56, 57+), a distribution of the
 *       current state rather than of past samples.</li>
 * </ul>
 * The gauges are recomputed from the register on a schedule ({@code desk.sla.metrics.refresh}).
 */
@Component
class SlaMetrics {

    static final List<String> BUCKETS = List.of("overdue", "0-7", "8-14", "15-28", "29-56", "57+");

    private final SlaBoard board;
    private final MultiGauge open;
    private final MultiGauge daysLeft;
    private final Map<RequestType, Map<SlaClock, Counter>> breaches = new EnumMap<>(RequestType.class);

    public SlaMetrics(MeterRegistry registry, SlaBoard board) {
        this.board = board;
        this.open = MultiGauge.builder("desk.requests.open")
                .description("Open requests by type and RAG status")
                .register(registry);
        this.daysLeft = MultiGauge.builder("desk.requests.days_left")
                .description("Open requests by days left on each clock")
                .register(registry);
        for (RequestType type : RequestType.values()) {
            Map<SlaClock, Counter> byClock = new EnumMap<>(SlaClock.class);
            for (SlaClock clock : List.of(SlaClock.INTERNAL_TARGET, SlaClock.STATUTORY_DEADLINE)) {
                byClock.put(
                        clock,
                        Counter.builder("desk.requests.breaches")
                                .description("SLA breaches recorded")
                                .tags("type", type.name(), "clock", clock.name())
                                .register(registry));
            }
            breaches.put(type, byClock);
        }
    }

    @Scheduled(
            fixedDelayString = "${desk.sla.metrics.refresh:PT1M}",
            initialDelayString = "${desk.sla.metrics.first-refresh:PT30S}")
    public void refresh() {
        List<RequestSla> requests = board.openRequests();
        Map<Tags, Integer> openCounts = new HashMap<>();
        Map<Tags, Integer> bucketCounts = new HashMap<>();
        for (RequestType type : RequestType.values()) {
            for (SlaStatus status : SlaStatus.values()) {
                openCounts.put(Tags.of("type", type.name(), "status", status.name()), 0);
            }
            for (SlaClock clock : List.of(SlaClock.INTERNAL_TARGET, SlaClock.STATUTORY_DEADLINE)) {
                for (String bucket : BUCKETS) {
                    bucketCounts.put(Tags.of("type", type.name(), "clock", clock.name(), "bucket", bucket), 0);
                }
            }
        }
        for (RequestSla r : requests) {
            openCounts.merge(Tags.of("type", r.type().name(), "status", r.rag().name()), 1, Integer::sum);
            bucketCounts.merge(
                    Tags.of(
                            "type",
                            r.type().name(),
                            "clock",
                            SlaClock.INTERNAL_TARGET.name(),
                            "bucket",
                            bucket(r.internalDaysLeft())),
                    1,
                    Integer::sum);
            bucketCounts.merge(
                    Tags.of(
                            "type",
                            r.type().name(),
                            "clock",
                            SlaClock.STATUTORY_DEADLINE.name(),
                            "bucket",
                            bucket(r.statutoryDaysLeft())),
                    1,
                    Integer::sum);
        }
        open.register(rows(openCounts), true);
        daysLeft.register(rows(bucketCounts), true);
    }

    /** Counts a breach once its transaction commits, so a retried job does not count twice. */
    public void breachRecorded(RequestType type, SlaClock clock) {
        Counter counter = breaches.get(type).get(clock);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    static String bucket(long daysLeft) {
        if (daysLeft < 0) {
            return "overdue";
        }
        if (daysLeft <= 7) {
            return "0-7";
        }
        if (daysLeft <= 14) {
            return "8-14";
        }
        if (daysLeft <= 28) {
            return "15-28";
        }
        return daysLeft <= 56 ? "29-56" : "57+";
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, Integer> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
        return rows;
    }
}
