package uk.lucidservices.privacydesk.intake;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.bench.BenchReport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the email channel is, with everything real and running as in production: the
 * scheduled poller at its configured interval and the engine's job executor sending letters.
 * Prints its numbers and writes them to target/bench/mail-*.md and .json. Excluded from the
 * default build; run with {@code mvn -Pbench verify} (or add {@code -Dtest=IntakeBenchmarkTest}).
 */
@Tag("benchmark")
class IntakeBenchmarkTest extends IntakeTestSupport {

    private static final int LATENCY_SAMPLES = 20;
    private static final int BURST = 1000;

    @Autowired
    IntakeProperties properties;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fromSmtpDeliveryToTheAcknowledgementInTheSendersMailbox() {
        long[] nanos = new long[LATENCY_SAMPLES];
        runningLikeProduction(() -> {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                TestMail mail = TestMail.from("Latency Person").subject("Subject access request")
                        .text("Please send me a copy of my data");
                long start = System.nanoTime();
                deliver(mail);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !mailsTo(mail.address()).isEmpty());
                nanos[i] = System.nanoTime() - start;
            }
        });
        String workload = "SMTP delivery to acknowledgement in the sender's mailbox (%d mails, poll every %ss)"
                .formatted(LATENCY_SAMPLES, properties.polling().interval().toSeconds());
        BenchReport report = new BenchReport("mail-acknowledgement");
        report.add(workload, "median", BenchReport.median(nanos), "ms", "< 5000 ms");
        report.add(workload, "p95", BenchReport.p95(nanos), "ms", "");
        report.add(workload, "max", Arrays.stream(nanos).max().orElse(0) / 1e6, "ms", "");
        report.write();
        assertThat(BenchReport.median(nanos)).as("median latency in ms").isLessThan(5000);
    }

    @Test
    void aThousandMailsDeliveredAtOnceAreAllStartedOnceWithinTwoMinutes() throws Exception {
        List<TestMail> mails = IntStream.range(0, BURST).mapToObj(i -> TestMail.from("Burst Person")
                .subject("Subject access request").text("Please send me a copy of my data")).toList();
        List<String> ids = mails.stream().map(TestMail::messageId).toList();

        long deliverStart = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        mails.forEach(mail -> senders.submit(() -> deliver(mail)));
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long delivered = (System.nanoTime() - deliverStart) / 1_000_000;

        long[] startedAfter = new long[1];
        runningLikeProduction(() -> {
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count("SELECT COUNT(*) FROM desk.intake_log WHERE outcome = 'STARTED' AND message_id IN (:ids)", ids) == BURST);
            startedAfter[0] = (System.nanoTime() - start) / 1_000_000;
        });

        long rows = count("SELECT COUNT(*) FROM desk.intake_log WHERE message_id IN (:ids)", ids);
        long distinctRequests = count("SELECT COUNT(DISTINCT request_reference) FROM desk.intake_log WHERE message_id IN (:ids)", ids);
        long requests = count("SELECT COUNT(*) FROM desk.request r JOIN desk.intake_log l ON l.request_id = r.id WHERE l.message_id IN (:ids)", ids);
        String workload = "%,d mails delivered at once".formatted(BURST);
        BenchReport report = new BenchReport("mail-burst");
        report.add(workload, "delivery over SMTP (8 senders)", delivered / 1000.0, "s", "");
        report.add(workload, "all started, from the first poll", startedAfter[0] / 1000.0, "s", "< 120 s");
        report.add(workload, "throughput", BURST * 1000.0 / Math.max(1, startedAfter[0]), "mails/s", "");
        report.add(workload, "intake log rows", rows, "rows", "= %d (none lost or twice)".formatted(BURST));
        report.add(workload, "requests (distinct references)", distinctRequests, "requests", "= %d".formatted(BURST));
        report.write();
        assertThat(rows).as("one row per mail: none lost, none twice").isEqualTo(BURST);
        assertThat(requests).isEqualTo(BURST);
        assertThat(distinctRequests).isEqualTo(BURST);
        assertThat(PrivacyMailboxCounts.inbox()).as("nothing left behind in the inbox").isZero();
    }

    private long count(String sql, List<String> ids) {
        return new NamedParameterJdbcTemplate(jdbc).queryForObject(sql, new MapSqlParameterSource("ids", ids), Long.class);
    }

    /** Runs the body with the poller on its schedule and the job executor on, as the desk runs in production. */
    private void runningLikeProduction(Runnable body) {
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        MailboxPollingSchedule schedule = new MailboxPollingSchedule(poller, properties.polling().interval(),
                properties.polling().maxBackoff());
        jobs.start();
        schedule.start();
        try {
            body.run();
        } finally {
            schedule.stop();
            jobs.shutdown();
        }
    }

    /** The number of mails in the privacy inbox. */
    private static final class PrivacyMailboxCounts {
        static int inbox() throws Exception {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
            store.connect("127.0.0.1", TestMailServer.imapPort(), TestMailServer.PRIVACY_MAILBOX, TestMailServer.PRIVACY_PASSWORD);
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                return inbox.getMessageCount();
            } finally {
                store.close();
            }
        }
    }
}
