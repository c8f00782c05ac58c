package uk.lucidservices.privacydesk.retention;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.mail.ProcessedMailbox;
import uk.lucidservices.privacydesk.records.FileStore;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the retention schedule ({@link RetentionProperties}) to the desk's own stores: nightly at
 * {@code desk.retention.cron} (UK time, inside the engine's history-cleanup window), on one node of
 * a cluster at a time ({@link JobLease}), store by store in batches of {@code batch-size}, each batch
 * in its own transaction. What an open request still needs is never due ({@link DueSql}).
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
    private final List<StoreSweep> sweeps;
    private final ObjectProvider<ProcessedMailbox> mailbox;

    public RetentionJob(RetentionProperties properties, NamedParameterJdbcTemplate jdbc, JdbcTemplate plainJdbc,
                        PlatformTransactionManager transactions, Clock clock, FileStore fileStore, MeterRegistry registry,
                        ObjectProvider<ProcessedMailbox> mailbox) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = new JobLease(plainJdbc, clock, "retention", properties.lease());
        this.metrics = new RetentionMetrics(registry);
        this.sweeps = DeskStores.all(fileStore);
        this.mailbox = mailbox;
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
            for (StoreSweep sweep : sweeps) {
                OffsetDateTime cutoff = cutoff(now, sweep.store());
                long total = 0;
                while (leaseHeld) {
                    int batch = tx.execute(status -> sweep.sweepBatch(jdbc, cutoff, now, properties.batchSize()));
                    metrics.removed(sweep.store().key(), batch);
                    total += batch;
                    if (batch < properties.batchSize()) {
                        break;
                    }
                    // A run that outlived its lease stops: another node may have taken over.
                    leaseHeld = lease.renew();
                }
                removed.put(sweep.store().key(), total);
            }
            removed.put(RetentionMetrics.PROCESSED_MAIL, leaseHeld ? expungeProcessedMail(now) : 0L);
        } finally {
            lease.release();
        }
        log.info("Retention removed {}", removed);
        return new Report(true, removed);
    }

    private long expungeProcessedMail(OffsetDateTime now) {
        ProcessedMailbox poller = mailbox.getIfAvailable();
        if (poller == null) {
            return 0;
        }
        ProcessedMailSweep sweep = new ProcessedMailSweep(poller);
        OffsetDateTime cutoff = cutoff(now, RetentionStore.RAW_MAIL);
        long[] expunged = {0};
        try {
            while (sweep.sweepBatch(jdbc, cutoff, now, expunged) > 0) {
                lease.renew();
            }
        } catch (MessagingException | RuntimeException e) {
            // The mailbox may be down tonight: what is left is found again tomorrow.
            log.warn("Retention: the processed folder could not be cleared ({}); tried again next run",
                    e.getClass().getSimpleName());
        }
        metrics.removed(RetentionMetrics.PROCESSED_MAIL, expunged[0]);
        return expunged[0];
    }

    /** The latest event time that is past the store's period, counted in UK days and months. */
    private OffsetDateTime cutoff(OffsetDateTime now, RetentionStore store) {
        return now.atZoneSameInstant(clock.getZone()).minus(properties.rule(store).period()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
