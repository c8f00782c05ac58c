package uk.lucidservices.privacydesk.retention;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.RetentionPeriod;
import uk.lucidservices.privacydesk.mail.ProcessedMailExpiry;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.JdbcRecordSource;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.RetentionCut;
import uk.lucidservices.privacydesk.request.RetentionHolds;
import uk.lucidservices.privacydesk.request.ScheduledErasure;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * Applies the retention schedule ({@link RetentionProperties}) to the desk's own stores: nightly at
 * {@code desk.retention.cron} (UK time, inside the engine's history-cleanup window), on one node of
 * a cluster at a time ({@link JobLease}), store by store in batches of {@code batch-size}, each batch
 * in its own transaction. Each store's sweep is declared by the class that owns its table
 * ({@link RetainedData}); what an open request or an open complaint still needs is never due. Then
 * the company's records whose data-map retention names the column of its event's date
 * ({@link JdbcRecordSource#deleteExpired}), then the scheduled erasures (the relationship-end sweep).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** What one run removed, by store ({@code raw-mail}, ..., {@code processed-mail}); empty when another node ran. */
    public record Report(boolean ran, Map<String, Long> removed) {
        public long removed(String store) {
            return removed.getOrDefault(store, 0L);
        }
    }

    private final RetentionProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobLease lease;
    private final RetentionMetrics metrics;
    private final FileStore fileStore;
    private final RetentionHolds holds;
    private final Map<RetentionStore, StoreSweep> sweeps;
    private final ObjectProvider<ProcessedMailExpiry> processedMail;
    private final List<ScheduledErasure> erasures;
    private final DataMap dataMap;
    private final JdbcRecordSource records;

    public RetentionJob(
            RetentionProperties properties,
            NamedParameterJdbcTemplate jdbc,
            JdbcTemplate plainJdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            FileStore fileStore,
            MeterRegistry registry,
            RetentionHolds holds,
            List<RetainedData> owners,
            ObjectProvider<ProcessedMailExpiry> processedMail,
            List<ScheduledErasure> erasures,
            DataMap dataMap,
            JdbcRecordSource records) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = new JobLease(plainJdbc, clock, "retention", properties.lease());
        this.metrics = new RetentionMetrics(registry);
        this.fileStore = fileStore;
        this.holds = holds;
        this.sweeps = sweepsByStore(owners);
        this.processedMail = processedMail;
        this.erasures = List.copyOf(erasures);
        this.dataMap = dataMap;
        this.records = records;
    }

    /** Every store of the schedule swept exactly once, in the schedule's order: a store nobody sweeps fails the start. */
    private static Map<RetentionStore, StoreSweep> sweepsByStore(List<RetainedData> owners) {
        Map<String, RetentionStore> byKey = new HashMap<>();
        for (RetentionStore store : RetentionStore.values()) {
            byKey.put(store.key(), store);
        }
        Map<RetentionStore, StoreSweep> sweeps = new EnumMap<>(RetentionStore.class);
        for (RetainedData owner : owners) {
            for (StoreSweep sweep : owner.retentionSweeps()) {
                RetentionStore store = byKey.get(sweep.store());
                if (store == null || sweeps.putIfAbsent(store, sweep) != null) {
                    throw new IllegalStateException(
                            "Retention: store " + sweep.store() + " is not in the schedule, or swept twice");
                }
            }
        }
        if (sweeps.size() != byKey.size()) {
            throw new IllegalStateException("Retention: no class sweeps "
                    + byKey.values().stream()
                            .filter(s -> !sweeps.containsKey(s))
                            .map(RetentionStore::key)
                            .toList());
        }
        return sweeps;
    }

    @Scheduled(cron = "${desk.retention.cron:0 30 1 * * *}", zone = "Europe/London")
    public void nightly() {
        if (properties.enabled()) {
            run();
        }
    }

    /** Runs the schedule now, unless another node is running it. */
    public Report run() {
        if (!lease.acquire()) {
            log.info("Retention: another node holds the lease; nothing done here");
            return new Report(false, Map.of());
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        try {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            boolean leaseHeld = true;
            for (Map.Entry<RetentionStore, StoreSweep> entry : sweeps.entrySet()) {
                RetentionStore store = entry.getKey();
                long total = 0;
                while (leaseHeld) {
                    // What is held is read again for each batch: a complaint opened mid-run holds at once.
                    int batch = tx.execute(status ->
                            entry.getValue().sweepBatch(jdbc, fileStore, cut(now, store), properties.batchSize()));
                    metrics.removed(store.key(), batch);
                    total += batch;
                    if (batch < properties.batchSize()) {
                        break;
                    }
                    // A run that outlived its lease stops: another node may have taken over.
                    leaseHeld = lease.renew();
                }
                removed.put(store.key(), total);
            }
            removed.put(RetentionMetrics.PROCESSED_MAIL, leaseHeld ? expungeProcessedMail(now) : 0L);
            // The company's records whose data-map period, counted from a date on the row, is over.
            for (Category category : dataMap.categories()) {
                RetentionPeriod retention = category.retentionPeriod();
                if (retention == null || retention.column() == null || !records.handles(category)) {
                    continue;
                }
                OffsetDateTime cutoff = now.atZoneSameInstant(clock.getZone())
                        .minus(retention.period())
                        .toOffsetDateTime();
                long total = 0;
                while (leaseHeld) {
                    int batch = records.deleteExpired(category, cutoff, properties.batchSize());
                    metrics.removed(category.id(), batch);
                    total += batch;
                    if (batch < properties.batchSize()) {
                        break;
                    }
                    leaseHeld = lease.renew();
                }
                removed.put(category.id(), total);
            }
            // The company's records due at the end of a customer relationship (erasure's sweep).
            for (ScheduledErasure erasure : erasures) {
                long erased = leaseHeld && lease.renew() ? erasure.run() : 0L;
                metrics.removed(erasure.name(), erased);
                removed.put(erasure.name(), erased);
            }
        } finally {
            lease.release();
        }
        log.info("Retention removed {}", removed);
        return new Report(true, removed);
    }

    private long expungeProcessedMail(OffsetDateTime now) {
        ProcessedMailExpiry mailbox = processedMail.getIfAvailable();
        if (mailbox == null) {
            return 0;
        }
        long expunged = 0;
        try {
            ProcessedMailExpiry.Batch batch;
            do {
                batch = mailbox.expungeBatch(cut(now, RetentionStore.RAW_MAIL));
                expunged += batch.expunged();
                lease.renew();
            } while (batch.settled() > 0);
        } catch (MessagingException | RuntimeException e) {
            // The mailbox may be down tonight: what is left is found again tomorrow.
            log.warn(
                    "Retention: the processed folder could not be cleared ({}); tried again next run",
                    e.getClass().getSimpleName());
        }
        metrics.removed(RetentionMetrics.PROCESSED_MAIL, expunged);
        return expunged;
    }

    /** The cut for a store now: its cut-off, and the requests an open complaint holds. */
    private RetentionCut cut(OffsetDateTime now, RetentionStore store) {
        return new RetentionCut(cutoff(now, store), now, holds.held());
    }

    /** The latest event time that is past the store's period, counted in UK days and months. */
    private OffsetDateTime cutoff(OffsetDateTime now, RetentionStore store) {
        return now.atZoneSameInstant(clock.getZone())
                .minus(properties.rule(store).period())
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
