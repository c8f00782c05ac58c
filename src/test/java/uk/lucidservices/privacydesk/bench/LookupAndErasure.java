package uk.lucidservices.privacydesk.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.erasure.ErasureAuthorisation;
import uk.lucidservices.privacydesk.erasure.ErasureExecutor;
import uk.lucidservices.privacydesk.erasure.ErasurePreview;
import uk.lucidservices.privacydesk.erasure.ErasureVerification;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.JdbcRecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.records.demo.BulkFiller;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * One subject found, and one subject erased, across every system with the large tables full.
 * Lookup subjects are the bench filler's own (one row in each COPY-filled table, found by an
 * upper-case email and a national-format phone). Erasure subjects are put in every system first.
 */
final class LookupAndErasure {

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    record Beans(
            JdbcTemplate jdbc,
            DataMap dataMap,
            JdbcRecordSource source,
            SubjectResolver resolver,
            RequestRegister register,
            FileStore fileStore,
            ErasurePreview preview,
            ErasureAuthorisation authorisation,
            ErasureExecutor executor,
            ErasureVerification verification) {}

    /** Timings in nanoseconds, and how many rows the lookups found (so a fast nothing is not a result). */
    record Lookup(int systems, long[] nanos, long found) {}

    record Erasure(
            long[] nanos,
            long[] wholeNanos,
            long deletedPerSubject,
            double bigMillis,
            long bigDeleted,
            long bigFiles,
            List<String> slowest) {}

    private final Beans beans;

    LookupAndErasure(Beans beans) {
        this.beans = beans;
    }

    Lookup lookup(int rows, int samples) {
        // The company's systems only: the desk's own records have their own source (retention.DeskRecordSource).
        List<Category> categories = beans.dataMap().searchable().stream()
                .filter(beans.source()::handles)
                .toList();
        Random random = new Random(7);
        long[] nanos = new long[samples];
        long found = 0;
        for (int i = 0; i < samples; i++) {
            int n = random.nextInt(rows);
            Subject subject = beans.resolver()
                    .resolve(
                            List.of(BulkFiller.benchEmail(n).toUpperCase()),
                            List.of("0" + BulkFiller.benchPhone(n).substring(3)),
                            List.of());
            long t = System.nanoTime();
            for (Category category : categories) {
                found += beans.source().count(category, subject);
            }
            nanos[i] = System.nanoTime() - t;
        }
        return new Lookup(categories.size(), nanos, found);
    }

    Erasure erasure(int subjects, int bigRecordings) {
        SqlCounter.INSTANCE.reset();
        long[] erase = new long[subjects];
        long[] whole = new long[subjects];
        long deleted = -1;
        for (int k = 0; k < subjects; k++) {
            // 01632 97xxxx: clear of the bench filler's 0xxxxx-95xxxx, the demo people's 960xxx and the big subject.
            String phone = "01632 97%04d".formatted(k);
            String email = "bench.subject" + k + "@example.org";
            subjectInEverySystem(k, phone, email);
            String reference = request(phone, email);
            long t0 = System.nanoTime();
            beans.preview().preview(reference, Set.of(), "olivia");
            beans.authorisation().authorise(reference, "mark", true, null);
            long t1 = System.nanoTime();
            ErasureExecutor.Pass pass = beans.executor().execute(reference);
            long t2 = System.nanoTime();
            if (!beans.verification().requireNothingLeft(reference).clean()) {
                throw new IllegalStateException("Erasure of " + reference + " left rows behind");
            }
            erase[k] = t2 - t1;
            whole[k] = System.nanoTime() - t0;
            deleted = pass.deleted();
        }
        List<String> slowest = SqlCounter.INSTANCE.slowest(12, subjects, "subject");
        return big(erase, whole, deleted, bigRecordings, slowest);
    }

    private Erasure big(long[] erase, long[] whole, long deleted, int recordings, List<String> slowest) {
        String phone = "01632 960990";
        for (int i = 0; i < recordings; i++) {
            beans.fileStore().write("recordings/bench/big/call-%05d.wav".formatted(i), new byte[2048]);
        }
        beans.jdbc().update("""
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name, audio_file)
                SELECT ?, ?, '0330 088 1234', ?, 60, 'Sam Porter', 'recordings/bench/big/call-' || lpad(g::text, 5, '0') || '.wav'
                FROM generate_series(0, ? - 1) g""", phone, "+441632960990", WHEN, recordings);
        beans.jdbc().execute("ANALYZE records.call_recording");
        String reference = request(phone, null);
        beans.preview().preview(reference, Set.of(), "olivia");
        beans.authorisation().authorise(reference, "mark", true, null);
        long t = System.nanoTime();
        ErasureExecutor.Pass pass = beans.executor().execute(reference);
        double ms = (System.nanoTime() - t) / 1e6;
        if (beans.fileStore().exists("recordings/bench/big/call-00000.wav")) {
            throw new IllegalStateException("The big subject's audio files are still there");
        }
        return new Erasure(erase, whole, deleted, ms, pass.deleted(), pass.filesDeleted(), slowest);
    }

    private String request(String phone, String email) {
        Request request = beans.register()
                .log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                        .name("Bench Subject")
                        .email(email)
                        .phone(phone)
                        .summary("Erase me")
                        .loggedBy("olivia")
                        .build());
        beans.jdbc()
                .update(
                        "UPDATE desk.request_identifier SET verified = TRUE, state = 'CONFIRMED' WHERE request_id = ?",
                        request.id());
        return request.reference();
    }

    /** One person in every system: 11 rows to delete, 1 contact to anonymise, 4 rows kept, 5 audio files. */
    private void subjectInEverySystem(int k, String phone, String email) {
        JdbcTemplate jdbc = beans.jdbc();
        String e164 = "+44" + phone.replace(" ", "").substring(1);
        String account = "BS%06d".formatted(k);
        jdbc.update("""
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                VALUES (?, 'Bench Subject', ?, ?, ?, ?, 'ACTIVE', DATE '2021-01-01')""", account, email, email, phone, e164);
        long accountId =
                jdbc.queryForObject("SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, account);
        jdbc.update(
                "INSERT INTO records.crm_contact (account_id, name, email, email_key, phone, phone_key) VALUES (?, 'Bench Subject', ?, ?, ?, ?)",
                accountId,
                email,
                email,
                phone,
                e164);
        for (int c = 0; c < 2; c++) {
            jdbc.update(
                    "INSERT INTO records.contract (account_id, contract_ref, product, start_date) VALUES (?, ?, 'SIP trunk x4', DATE '2021-01-01')",
                    accountId,
                    "BC-" + k + "-" + c);
        }
        jdbc.update("""
                INSERT INTO records.complaint (account_id, complainant_name, email_key, phone_key, category, received_at, status)
                VALUES (?, 'Bench Subject', ?, ?, 'OTHER', ?, 'CLOSED')""", accountId, email, e164, WHEN);
        for (int c = 0; c < 3; c++) {
            String audio = "recordings/bench/subjects/%d/call-%d.wav".formatted(k, c);
            beans.fileStore().write(audio, new byte[2048]);
            jdbc.update("""
                    INSERT INTO records.call_recording (account_id, cli, cli_key, started_at, duration_seconds, audio_file)
                    VALUES (?, ?, ?, ?, 120, ?)""", accountId, phone, e164, WHEN, audio);
        }
        jdbc.update("""
                INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                VALUES ('Bench Lists', 'Bench Subject', ?, ?, ?, ?, TRUE, 'CLEAR', DATE '2025-01-01')""", email, email, phone, e164);
        long lead = jdbc.queryForObject("SELECT MAX(id) FROM records.tm_lead WHERE phone_key = ?", Long.class, e164);
        for (int c = 0; c < 2; c++) {
            String audio = "recordings/bench/subjects/%d/tm-%d.wav".formatted(k, c);
            beans.fileStore().write(audio, new byte[2048]);
            jdbc.update(
                    "INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds, audio_file) VALUES (?, ?, 60, ?)",
                    lead,
                    WHEN,
                    audio);
        }
        jdbc.update(
                "INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, started_at) VALUES ('Bench', ?, ?, ?)",
                email,
                email,
                WHEN);
        long transcript = jdbc.queryForObject(
                "SELECT MAX(id) FROM records.chat_transcript WHERE email_key = ?", Long.class, email);
        for (int m = 0; m < 3; m++) {
            jdbc.update(
                    "INSERT INTO records.chat_message (transcript_id, sent_at, sender, body) VALUES (?, ?, 'VISITOR', 'Hello')",
                    transcript,
                    WHEN);
        }
        jdbc.update("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, submitted_at)
                VALUES ('CONTACT', 'Bench Subject', ?, ?, ?, ?, ?)""", email, email, phone, e164, WHEN);
    }
}
