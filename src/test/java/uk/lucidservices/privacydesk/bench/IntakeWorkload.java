package uk.lucidservices.privacydesk.bench;

import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.intake.IntakeProperties;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.MailboxPollingSchedule;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;

/**
 * The email channel with everything running as in production: mails delivered over real SMTP,
 * the mailbox read over IMAP IDLE (or, with IDLE off, by the poller alone) with the poll on its
 * configured schedule, the job executor sending the acknowledgements. With more than one desk (the
 * nodes of a cluster on one database), every desk reads the same mailbox at once, each with its own
 * IDLE connection, poll and job executor.
 */
final class IntakeWorkload {

    private static final String ACKNOWLEDGEMENT_SUBJECT = "We have received your ";

    /** One node: its engine (for its job executor) and its reader of the privacy mailbox. */
    record Desk(ProcessEngine engine, MailboxPoller poller) {}

    /**
     * {@code startedTwice}: mails with more than one STARTED row in the intake log; {@code readTwice}:
     * DUPLICATE rows (a mail that two readers both took, the slower one recording the duplicate);
     * {@code acknowledgedTwice}: senders who received more than one mail; {@code readByDesk}: mails
     * each desk read (a mail read by two counts for both).
     */
    record Burst(
            int mails,
            double deliverySeconds,
            double startedSeconds,
            double acknowledgedSeconds,
            long logRows,
            long requests,
            long distinctReferences,
            long readOnIdle,
            long startedTwice,
            long readTwice,
            long acknowledgedTwice,
            List<Long> readByDesk,
            double deskCpuSeconds,
            double databaseCpuSeconds) {}

    private final List<Desk> desks;
    private final IntakeProperties properties;
    private final JdbcTemplate jdbc;
    /** The test mail server's messages whose recipients are in {@link #recipients} (it keeps each message object). */
    private final Map<MimeMessage, Boolean> read = new IdentityHashMap<>();

    private final Set<String> recipients = new HashSet<>();

    IntakeWorkload(ProcessEngine engine, MailboxPoller poller, IntakeProperties properties, JdbcTemplate jdbc) {
        this(List.of(new Desk(engine, poller)), properties, jdbc);
    }

    IntakeWorkload(List<Desk> desks, IntakeProperties properties, JdbcTemplate jdbc) {
        this.desks = List.copyOf(desks);
        this.properties = properties;
        this.jdbc = jdbc;
    }

    Duration pollInterval() {
        return properties.polling().interval();
    }

    /**
     * From SMTP delivery to the acknowledgement in the sender's mailbox, one mail at a time; read over
     * IDLE, or with {@code idle} false by the poll alone.
     */
    long[] acknowledgementLatency(int samples, boolean idle) {
        long[] nanos = new long[samples];
        runningLikeProduction(idle, () -> {
            for (int i = 0; i < samples; i++) {
                TestMail mail = TestMail.from("Latency Person")
                        .subject("Subject access request")
                        .text("Please send me a copy of my data");
                long start = System.nanoTime();
                deliver(mail);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> recipients().contains(mail.address().toLowerCase()));
                nanos[i] = System.nanoTime() - start;
            }
        });
        return nanos;
    }

    /**
     * Mails delivered at once (8 SMTP senders) while the desk reads the mailbox over IDLE, timed from
     * the first delivery: the mail is read as it arrives, in polls of whatever the wake-ups find.
     */
    Burst burst(int count) throws Exception {
        List<TestMail> mails = IntStream.range(0, count)
                .mapToObj(i -> TestMail.from("Burst Person")
                        .subject("Subject access request")
                        .text("Please send me a copy of my data"))
                .toList();
        List<String> ids = mails.stream().map(TestMail::messageId).toList();
        long readOnIdleBefore = readOnIdle();
        List<Long> readBefore = readByDesk();
        double[] times = new double[3];
        double[] cpu = new double[2];
        runningLikeProduction(true, () -> {
            long start = System.nanoTime();
            long deskCpuBefore = processCpuNanos();
            long databaseCpuBefore = databaseCpuTicks();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            mails.forEach(mail -> senders.submit(() -> deliver(mail)));
            senders.shutdown();
            try {
                if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("SMTP delivery of the burst took over 5 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            times[0] = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(
                                    "SELECT COUNT(*) FROM desk.intake_log WHERE outcome = 'STARTED' AND message_id IN (:ids)",
                                    ids)
                            == count);
            times[1] = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> recipients()
                            .containsAll(mails.stream()
                                    .map(mail -> mail.address().toLowerCase())
                                    .toList()));
            times[2] = (System.nanoTime() - start) / 1e9;
            cpu[0] = (processCpuNanos() - deskCpuBefore) / 1e9;
            long databaseCpuAfter = databaseCpuTicks();
            cpu[1] = databaseCpuBefore < 0 || databaseCpuAfter < 0
                    ? Double.NaN
                    : (databaseCpuAfter - databaseCpuBefore) / (double) CLOCK_TICKS_PER_SECOND;
        });
        return new Burst(
                count,
                times[0],
                times[1],
                times[2],
                count("SELECT COUNT(*) FROM desk.intake_log WHERE message_id IN (:ids)", ids),
                count(
                        "SELECT COUNT(*) FROM desk.request r JOIN desk.intake_log l ON l.request_id = r.id WHERE l.message_id IN (:ids)",
                        ids),
                count("SELECT COUNT(DISTINCT request_reference) FROM desk.intake_log WHERE message_id IN (:ids)", ids),
                readOnIdle() - readOnIdleBefore,
                count("""
                        SELECT COUNT(*) FROM (SELECT message_id FROM desk.intake_log
                        WHERE outcome = 'STARTED' AND message_id IN (:ids) GROUP BY message_id HAVING COUNT(*) > 1) t""", ids),
                count("SELECT COUNT(*) FROM desk.intake_log WHERE outcome = 'DUPLICATE' AND message_id IN (:ids)", ids),
                acknowledgedTwice(mails),
                IntStream.range(0, desks.size())
                        .mapToObj(i -> readByDesk().get(i) - readBefore.get(i))
                        .toList(),
                cpu[0],
                cpu[1]);
    }

    private long readOnIdle() {
        return desks.stream().mapToLong(d -> d.poller().mailsReadOnIdle()).sum();
    }

    private List<Long> readByDesk() {
        return desks.stream().map(d -> d.poller().mailsRead()).toList();
    }

    /**
     * Senders of these mails to whom the mail server delivered more than one acknowledgement (its
     * subject, letters/acknowledgement.subject; an identity request may follow it, and is not one).
     */
    private static long acknowledgedTwice(List<TestMail> mails) {
        Map<String, Integer> received = new HashMap<>();
        for (String recipient : deliveries(ACKNOWLEDGEMENT_SUBJECT)) {
            received.merge(recipient, 1, Integer::sum);
        }
        return mails.stream()
                .filter(mail -> received.getOrDefault(mail.address().toLowerCase(), 0) > 1)
                .count();
    }

    /** CPU time used by this JVM: the desk, and the test mail server and the benchmark that run in it. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Linux's USER_HZ, the unit of the times in /proc/[pid]/stat. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /**
     * CPU time (user and system, in clock ticks) of the database's processes, read from /proc: the
     * server processes PostgreSQL lists in pg_stat_activity (the connections and its own workers), so
     * a database on this machine only; -1 where that cannot be read.
     */
    private long databaseCpuTicks() {
        try {
            long ticks = 0;
            for (Integer pid :
                    jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL", Integer.class)) {
                Path stat = Path.of("/proc", pid.toString(), "stat");
                if (!Files.isReadable(stat)) {
                    continue;
                }
                String line = Files.readString(stat);
                // After the command name in parentheses (it may hold spaces): utime is field 14, stime 15.
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void deliver(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
    }

    /**
     * Everyone the mail server has delivered a message to, lower case. Each message's recipients are
     * read once: the check runs every 250 ms in the desk's JVM, and reading all (thousands of) messages
     * each time took 6 % of the JVM's CPU during the burst, time taken from the desk being measured.
     */
    private Set<String> recipients() {
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            if (read.put(message, Boolean.TRUE) == null) {
                recipients.addAll(recipientsOf(message));
            }
        }
        return recipients;
    }

    /**
     * The recipient of every delivery the mail server has made of a message whose subject starts so,
     * lower case, once per delivery.
     */
    private static List<String> deliveries(String subjectStart) {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            try {
                if (message.getSubject() != null && message.getSubject().startsWith(subjectStart)) {
                    recipients.addAll(recipientsOf(message));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the test mail server", e);
            }
        }
        return recipients;
    }

    private static List<String> recipientsOf(MimeMessage message) {
        try {
            Address[] addresses = message.getAllRecipients();
            if (addresses == null) {
                return List.of();
            }
            List<String> recipients = new ArrayList<>();
            for (Address address : addresses) {
                recipients.add(((InternetAddress) address).getAddress().toLowerCase());
            }
            return recipients;
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message in the test mail server", e);
        }
    }

    private long count(String sql, List<String> ids) {
        return new NamedParameterJdbcTemplate(jdbc)
                .queryForObject(sql, new MapSqlParameterSource("ids", ids), Long.class);
    }

    private void runningLikeProduction(boolean idle, Runnable body) {
        List<JobExecutor> jobs = desks.stream()
                .map(d ->
                        ((ProcessEngineConfigurationImpl) d.engine().getProcessEngineConfiguration()).getJobExecutor())
                .toList();
        List<MailboxPollingSchedule> schedules = desks.stream()
                .map(d -> new MailboxPollingSchedule(
                        d.poller(),
                        properties.polling().interval(),
                        properties.polling().maxBackoff(),
                        new IntakeProperties.Idle(idle, properties.idle().refresh())))
                .toList();
        jobs.forEach(JobExecutor::start);
        schedules.forEach(MailboxPollingSchedule::start);
        try {
            body.run();
        } finally {
            schedules.forEach(MailboxPollingSchedule::stop);
            jobs.forEach(JobExecutor::shutdown);
        }
    }
}
