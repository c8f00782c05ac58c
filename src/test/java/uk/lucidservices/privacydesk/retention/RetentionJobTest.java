package uk.lucidservices.privacydesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * The retention schedule's defaults applied to records aged past (and short of) each period. The
 * suite's day is Monday 15 June 2026, 09:00 BST (08:00 UTC); worked by hand from the defaults:
 * raw mail (30 days after closing) is due for requests closed by 16 May 2026 09:00 BST; ID documents
 * at the identity decision; register fields, intake log, notes, manual answers (1 year) for requests
 * closed by 15 June 2025; letters and certificates (6 years) for requests closed by 15 June 2020;
 * packs at link expiry, their download log a year after it.
 */
class RetentionJobTest extends DeskIntegrationTest {

    /** Demo people no other test class uses. */
    private static final DemoPerson LONG_AGO = person(301);

    private static final DemoPerson MONTH_AGO = person(302);
    private static final DemoPerson RECENT = person(303);
    private static final DemoPerson OPEN_DECIDED = person(304);
    private static final DemoPerson OPEN_UNDECIDED = person(305);
    private static final DemoPerson HELD = person(306);

    /** 7 June 2019, 10:00 UTC: seven years before the suite's day, past every period. */
    private static final OffsetDateTime SEVEN_YEARS_AGO = OffsetDateTime.of(2019, 6, 7, 10, 0, 0, 0, ZoneOffset.UTC);
    /** 15 May 2026 08:00 UTC: 31 days before; past raw mail's 30 days, short of a year. */
    private static final OffsetDateTime DAYS_31_AGO = OffsetDateTime.of(2026, 5, 15, 8, 0, 0, 0, ZoneOffset.UTC);
    /** 17 May 2026 08:00 UTC: 29 days before; short of raw mail's 30 days. */
    private static final OffsetDateTime DAYS_29_AGO = OffsetDateTime.of(2026, 5, 17, 8, 0, 0, 0, ZoneOffset.UTC);
    /** 14 June 2026 08:00 UTC: yesterday. */
    private static final OffsetDateTime YESTERDAY = OffsetDateTime.of(2026, 6, 14, 8, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    RetentionJob job;

    @Autowired
    RequestRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void clearWhatOtherTestsLeftDue() {
        // Other classes share the database: whatever of theirs is already due goes now, so the counts below are ours.
        job.run();
    }

    @Test
    void theJobRemovesExactlyWhatIsPastItsPeriodAndLeavesTheRestByteForByte() throws Exception {
        Fixture longAgo = closedRequest(LONG_AGO, SEVEN_YEARS_AGO);
        Fixture monthAgo = closedRequest(MONTH_AGO, DAYS_31_AGO);
        Fixture recent = closedRequest(RECENT, DAYS_29_AGO);
        Fixture openDecided = openRequest(OPEN_DECIDED);
        identityDecided(openDecided.request, YESTERDAY);
        Fixture openUndecided = openRequest(OPEN_UNDECIDED);
        Fixture held = closedRequest(HELD, SEVEN_YEARS_AGO);
        Request complaint = register.log(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                .name(HELD.name())
                .email(HELD.email())
                .summary("About my access request")
                .loggedBy("olivia")
                .build());
        jdbc.update("""
                INSERT INTO records.complaint (reference, category, received_at, status, request_reference, related_reference)
                VALUES (?, 'DATA_PROTECTION', ?, 'OPEN', ?, ?)""", complaint.reference(), YESTERDAY, complaint.reference(), held.request.reference());
        long robotMonthAgo = unlinkedMail("ROBOT", DAYS_31_AGO, null);
        long robotRecent = unlinkedMail("ROBOT", DAYS_29_AGO, null);
        long triageWaiting = unlinkedMail("TRIAGE", SEVEN_YEARS_AGO, null);

        String untouchedBefore = checksum(List.of(openUndecided, held), List.of(robotRecent, triageWaiting));
        double rawMailCounted = removedCounter("raw-mail");

        RetentionJob.Report report = job.run();

        assertThat(report.ran()).isTrue();
        assertThat(checksum(List.of(openUndecided, held), List.of(robotRecent, triageWaiting)))
                .as("open, held and not-yet-due records unchanged")
                .isEqualTo(untouchedBefore);

        // Raw mail: seven years and 31 days after closing, and the robot mail read 31 days ago.
        assertThat(rawFile(longAgo)).isNull();
        assertThat(rawFile(monthAgo)).isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT raw_file FROM desk.intake_log WHERE id = ?", String.class, robotMonthAgo))
                .isNull();
        assertThat(rawFile(recent)).isEqualTo(recent.rawFile);
        assertThat(rawFile(openDecided)).isEqualTo(openDecided.rawFile);
        assertThat(files.exists(monthAgo.rawFile)).isFalse();
        assertThat(files.exists(recent.rawFile)).isTrue();
        assertThat(report.removed("raw-mail")).isEqualTo(3);
        assertThat(removedCounter("raw-mail") - rawMailCounted).isEqualTo(3.0);

        // ID documents: at the identity decision, or at closing where none was made.
        assertThat(idDocument(longAgo)).isNull();
        assertThat(idDocument(monthAgo)).isNull();
        assertThat(idDocument(recent)).isNull();
        assertThat(idDocument(openDecided)).isNull();
        assertThat(files.exists(openDecided.idDocument)).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT sha256 FROM desk.intake_attachment WHERE intake_id = ?",
                        String.class,
                        openDecided.intakeId))
                .as("the hash stays for accountability")
                .isEqualTo(sha256("passport scan"));
        assertThat(report.removed("id-documents")).isEqualTo(4);

        // A year: register fields, intake log, triage notes, manual answers of the request closed seven years ago.
        Request cleared = register.get(longAgo.request.reference());
        assertThat(cleared.requesterName()).isNull();
        assertThat(cleared.requesterEmail()).isNull();
        assertThat(cleared.requesterPhone()).isNull();
        assertThat(cleared.reference()).isEqualTo(longAgo.request.reference());
        assertThat(cleared.type()).isEqualTo(RequestType.SUBJECT_ACCESS);
        assertThat(cleared.closedAt()).isEqualTo(SEVEN_YEARS_AGO);
        assertThat(cleared.outcome()).isEqualTo("DISCLOSED");
        assertThat(count("desk.request_identifier WHERE request_id = ?", longAgo.request.id()))
                .isZero();
        assertThat(register.get(monthAgo.request.reference()).requesterEmail()).isEqualTo(MONTH_AGO.email());
        assertThat(report.removed("register-personal-fields")).isEqualTo(1);
        assertThat(jdbc.queryForMap(
                        "SELECT sender_address, subject, outcome FROM desk.intake_log WHERE id = ?", longAgo.intakeId))
                .containsEntry("SENDER_ADDRESS", null)
                .containsEntry("SUBJECT", null)
                .containsEntry("OUTCOME", "STARTED");
        assertThat(report.removed("intake-log")).isEqualTo(1);
        assertThat(count("desk.triage_note WHERE request_id = ?", longAgo.request.id()))
                .isZero();
        assertThat(count("desk.triage_note WHERE request_id = ?", monthAgo.request.id()))
                .isOne();
        assertThat(report.removed("triage-notes")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT manual_answer FROM desk.search_result WHERE reference = ?",
                        String.class,
                        longAgo.request.reference()))
                .isNull();
        assertThat(report.removed("manual-answers")).isEqualTo(1);

        // Six years: letters and certificates; packs at link expiry, their download log a year after.
        assertThat(count("desk.sent_letter WHERE request_id = ?", longAgo.request.id()))
                .isZero();
        assertThat(count("desk.sent_letter WHERE request_id = ?", monthAgo.request.id()))
                .isOne();
        assertThat(report.removed("sent-letters")).isEqualTo(1);
        assertThat(count("desk.erasure_certificate WHERE reference = ?", longAgo.request.reference()))
                .isZero();
        assertThat(files.exists("certificates/" + longAgo.request.reference() + ".pdf"))
                .isFalse();
        assertThat(files.exists("certificates/" + monthAgo.request.reference() + ".pdf"))
                .isTrue();
        assertThat(report.removed("certificates")).isEqualTo(1);
        assertThat(files.exists(longAgo.pack)).isFalse();
        assertThat(files.exists(monthAgo.pack))
                .as("link expired 31 days ago: the file goes")
                .isFalse();
        assertThat(files.exists(recent.pack)).isFalse();
        assertThat(files.exists(openDecided.pack)).as("link still valid").isTrue();
        assertThat(report.removed("packs")).as("not the held request's").isEqualTo(3);
        assertThat(count(
                        "desk.pack_download d JOIN desk.disclosure_pack p ON p.id = d.pack_id WHERE p.reference = ?",
                        longAgo.request.reference()))
                .isZero();
        assertThat(count(
                        "desk.pack_download d JOIN desk.disclosure_pack p ON p.id = d.pack_id WHERE p.reference = ?",
                        monthAgo.request.reference()))
                .isOne();
        assertThat(report.removed("download-log")).isEqualTo(1);

        // A second run finds nothing more.
        assertThat(job.run().removed().values()).containsOnly(0L);
    }

    @Test
    void processedMailIsExpungedOnTheRawMailsSchedule() throws Exception {
        Fixture monthAgo = closedRequest(person(307), DAYS_31_AGO);
        Fixture recent = closedRequest(person(308), DAYS_29_AGO);
        appendToProcessed(monthAgo.messageId);
        appendToProcessed(recent.messageId);

        RetentionJob.Report report = job.run();

        assertThat(inProcessed(monthAgo.messageId)).isZero();
        assertThat(inProcessed(recent.messageId)).isOne();
        assertThat(report.removed("processed-mail")).isEqualTo(1);
    }

    @Test
    void onlyOneNodeRunsAtATime() {
        jdbc.update(
                "UPDATE desk.job_lease SET locked_until = ?, locked_by = 'another-node' WHERE name = 'retention'",
                OffsetDateTime.of(2026, 6, 15, 10, 0, 0, 0, ZoneOffset.UTC));
        try {
            assertThat(job.run().ran()).isFalse();
        } finally {
            jdbc.update(
                    "UPDATE desk.job_lease SET locked_until = ?, locked_by = NULL WHERE name = 'retention'",
                    SEVEN_YEARS_AGO);
        }
        RetentionJob.Report taken = job.run();
        assertThat(taken.ran()).as("a lease that ran out is taken over").isTrue();
        assertThat(taken.removed())
                .as("the relationship-end sweep runs in the same run, under the same lease")
                .containsKey("relationship-end");
    }

    // --- fixture --------------------------------------------------------------------------------

    private record Fixture(
            Request request, long intakeId, String messageId, String rawFile, String idDocument, String pack) {}

    private Fixture closedRequest(DemoPerson person, OffsetDateTime closedAt) {
        Fixture f = openRequest(person, closedAt);
        jdbc.update(
                "UPDATE desk.request SET status = 'CLOSED', outcome = 'DISCLOSED', closed_at = ? WHERE id = ?",
                closedAt,
                f.request.id());
        return f;
    }

    private Fixture openRequest(DemoPerson person) {
        return openRequest(person, null);
    }

    /** A request with one of everything the desk keeps; its pack link expired when it closed (or expires in a week). */
    private Fixture openRequest(DemoPerson person, OffsetDateTime closedAt) {
        OffsetDateTime at = closedAt == null ? YESTERDAY : closedAt;
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name(person.name())
                .email(person.email())
                .phone(person.phone())
                .accountNumber(person.accountNumber())
                .summary("Everything you hold")
                .receivedAt(at.minusDays(20))
                .loggedBy("olivia")
                .build());
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        String rawFile = "intake/retention/" + UUID.randomUUID() + ".eml";
        String idDocument = "intake/retention/" + UUID.randomUUID() + ".pdf";
        files.write(
                rawFile,
                ("Message-ID: " + messageId + "\r\n\r\nPlease send me my data").getBytes(StandardCharsets.UTF_8));
        files.write(idDocument, "passport scan".getBytes(StandardCharsets.UTF_8));
        long intakeId = insertIntake(
                request.id(), request.reference(), "STARTED", at.minusDays(20), null, messageId, rawFile, person);
        jdbc.update("""
                INSERT INTO desk.intake_attachment (intake_id, request_id, file_name, content_type, size_bytes, sha256, stored_path)
                VALUES (?, ?, 'passport.pdf', 'application/pdf', 13, ?, ?)""", intakeId, request.id(), sha256("passport scan"), idDocument);
        jdbc.update(
                "INSERT INTO desk.triage_note (request_id, kind, note, written_by, written_at) VALUES (?, 'CLARIFICATION', ?, 'olivia', ?)",
                request.id(),
                "Which account, " + person.firstName() + "?",
                at.minusDays(10));
        jdbc.update("""
                INSERT INTO desk.search_result (reference, category_id, system, searched_at, manual, manual_answer, answered_by)
                VALUES (?, 'paper-files', 'Office filing', ?, TRUE, ?, 'olivia')""", request.reference(), at.minusDays(5), "Two letters from " + person.name());
        jdbc.update(
                """
                INSERT INTO desk.sent_letter (request_id, reference, template, recipient, sent_at, message_id)
                VALUES (?, ?, 'acknowledgement', 'REQUESTER', ?, ?)""",
                request.id(),
                request.reference(),
                at.minusDays(20),
                "<" + UUID.randomUUID() + "@lucidservices.uk>");
        String pack = "packs/" + request.reference() + "/" + UUID.randomUUID() + ".zip";
        files.write(pack, "zip".getBytes(StandardCharsets.UTF_8));
        String packId = UUID.randomUUID().toString();
        jdbc.update(
                """
                INSERT INTO desk.disclosure_pack (id, reference, file_path, size_bytes, record_count, created_at, issued_at, expires_at)
                VALUES (?, ?, ?, 3, 1, ?, ?, ?)""",
                packId,
                request.reference(),
                pack,
                at.minusDays(14),
                at.minusDays(14),
                closedAt == null ? YESTERDAY.plusDays(7) : closedAt);
        jdbc.update(
                "INSERT INTO desk.pack_download (pack_id, downloaded_at, remote_hash) VALUES (?, ?, 'abc')",
                packId,
                at.minusDays(13));
        String json = "certificates/" + request.reference() + ".json";
        String pdf = "certificates/" + request.reference() + ".pdf";
        files.write(json, "{}".getBytes(StandardCharsets.UTF_8));
        files.write(pdf, "%PDF-".getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                INSERT INTO desk.erasure_certificate (reference, issued_at, json_path, pdf_path, json_sha256, pdf_sha256)
                VALUES (?, ?, ?, ?, 'j', 'p')""", request.reference(), at, json, pdf);
        return new Fixture(register.get(request.reference()), intakeId, messageId, rawFile, idDocument, pack);
    }

    private long unlinkedMail(String outcome, OffsetDateTime readAt, OffsetDateTime resolvedAt) {
        String rawFile = "intake/retention/" + UUID.randomUUID() + ".eml";
        files.write(rawFile, "Out of office".getBytes(StandardCharsets.UTF_8));
        return insertIntake(
                null,
                null,
                outcome,
                readAt,
                resolvedAt,
                "<" + UUID.randomUUID() + "@example.com>",
                rawFile,
                person(309));
    }

    private long insertIntake(
            Long requestId,
            String reference,
            String outcome,
            OffsetDateTime readAt,
            OffsetDateTime resolvedAt,
            String messageId,
            String rawFile,
            DemoPerson sender) {
        jdbc.update(
                """
                INSERT INTO desk.intake_log (message_key, message_id, read_at, sender_address, sender_name, subject, outcome,
                                             request_id, request_reference, raw_file, resolved_at)
                VALUES (?, ?, ?, ?, ?, 'My data', ?, ?, ?, ?, ?)""",
                messageId,
                messageId,
                readAt,
                sender.email(),
                sender.name(),
                outcome,
                requestId,
                reference,
                rawFile,
                resolvedAt);
        return jdbc.queryForObject("SELECT id FROM desk.intake_log WHERE message_key = ?", Long.class, messageId);
    }

    private void identityDecided(Request request, OffsetDateTime at) {
        jdbc.update(
                "INSERT INTO desk.request_event (request_id, occurred_at, kind, actor, detail) VALUES (?, ?, 'IDENTITY_VERIFIED', 'olivia', '1 identifiers verified')",
                request.id(),
                at);
    }

    // --- reading back -----------------------------------------------------------------------------

    private String rawFile(Fixture f) {
        return jdbc.queryForObject("SELECT raw_file FROM desk.intake_log WHERE id = ?", String.class, f.intakeId);
    }

    private String idDocument(Fixture f) {
        return jdbc.queryForObject(
                "SELECT stored_path FROM desk.intake_attachment WHERE intake_id = ?", String.class, f.intakeId);
    }

    private int count(String fromWhere, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class, args);
    }

    private double removedCounter(String store) {
        return meters.get("desk.retention.removed")
                .tag("store", store)
                .counter()
                .count();
    }

    /** A digest of every row and file of these requests and intake entries, in every store. */
    private String checksum(List<Fixture> requests, List<Long> intakeIds) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Fixture f : requests) {
            long id = f.request.id();
            String ref = f.request.reference();
            for (String query : List.of(
                    "SELECT * FROM desk.request WHERE id = ?",
                    "SELECT * FROM desk.request_identifier WHERE request_id = ? ORDER BY id",
                    "SELECT * FROM desk.intake_log WHERE request_id = ? ORDER BY id",
                    "SELECT * FROM desk.intake_attachment WHERE request_id = ? ORDER BY id",
                    "SELECT * FROM desk.triage_note WHERE request_id = ? ORDER BY id",
                    "SELECT * FROM desk.sent_letter WHERE request_id = ? ORDER BY id")) {
                rows(digest, query, id);
            }
            for (String query : List.of(
                    "SELECT * FROM desk.search_result WHERE reference = ? ORDER BY id",
                    "SELECT * FROM desk.disclosure_pack WHERE reference = ?",
                    "SELECT * FROM desk.erasure_certificate WHERE reference = ?",
                    "SELECT d.* FROM desk.pack_download d JOIN desk.disclosure_pack p ON p.id = d.pack_id WHERE p.reference = ? ORDER BY d.id")) {
                rows(digest, query, ref);
            }
            for (String file : List.of(
                    f.rawFile, f.idDocument, f.pack, "certificates/" + ref + ".json", "certificates/" + ref + ".pdf")) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update(files.regularFile(file)
                        .map(p -> {
                            try {
                                return Files.readAllBytes(p);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .orElse(new byte[] {'-'}));
            }
        }
        for (long intakeId : intakeIds) {
            rows(digest, "SELECT * FROM desk.intake_log WHERE id = ?", intakeId);
            String raw =
                    jdbc.queryForObject("SELECT raw_file FROM desk.intake_log WHERE id = ?", String.class, intakeId);
            digest.update(String.valueOf(files.exists(raw)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void rows(MessageDigest digest, String query, Object key) {
        for (Map<String, Object> row : jdbc.queryForList(query, key)) {
            digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the mailbox ------------------------------------------------------------------------------

    private static Store mailbox() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(
                "127.0.0.1",
                TestMailServer.imapPort(),
                TestMailServer.PRIVACY_MAILBOX,
                TestMailServer.PRIVACY_PASSWORD);
        return store;
    }

    private static void appendToProcessed(String messageId) throws MessagingException {
        Store store = mailbox();
        try {
            Folder folder = store.getFolder("Processed");
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress("someone@example.com"));
            mail.setSubject("My data");
            mail.setText("Please send me my data");
            mail.setFlag(Flags.Flag.SEEN, true);
            mail.saveChanges();
            folder.appendMessages(new Message[] {mail});
        } finally {
            store.close();
        }
    }

    private static int inProcessed(String messageId) throws MessagingException {
        Store store = mailbox();
        try {
            Folder folder = store.getFolder("Processed");
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new HeaderTerm("Message-ID", messageId)).length;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(RetentionJobTest.class, index);
    }
}
