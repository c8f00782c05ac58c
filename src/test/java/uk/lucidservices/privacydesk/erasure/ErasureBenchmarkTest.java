package uk.lucidservices.privacydesk.erasure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure speed on PostgreSQL with 1,000,000 rows in each of the company's tables. Prints numbers;
 * asserts only that the work was done. Run alone (it adds ten million rows to the test database):
 * {@code mvn -B -o test -Pbench -Dtest=ErasureBenchmarkTest}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureBenchmarkTest extends ErasureTestSupport {

    private static final int ROWS = 1_000_000;
    private static final int SUBJECTS = 11;
    private static final int BIG_RECORDINGS = 10_000;
    private static final OffsetDateTime WHEN = OffsetDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    ErasurePreview preview;
    @Autowired
    ErasureAuthorisation authorisation;
    @Autowired
    ErasureExecutor executor;
    @Autowired
    ErasureVerification verification;

    @BeforeAll
    void fill() {
        demoData();
        long start = System.nanoTime();
        fillToAMillion();
        System.out.printf("%n[bench] filled every records table to %,d rows in %.1f s%n", ROWS, seconds(start));
    }

    @Test
    void erasingOneSubjectAcrossAllSystems() {
        List<Double> erase = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        for (int k = 0; k < SUBJECTS; k++) {
            String phone = "01632 9609%02d".formatted(k);
            String email = "bench.subject" + k + "@example.org";
            subjectInEverySystem(k, phone, email);
            String reference = request(phone, email);
            long t0 = System.nanoTime();
            preview.preview(reference, Set.of(), "olivia");
            authorisation.authorise(reference, "mark", true, null);
            long t1 = System.nanoTime();
            ErasureExecutor.Pass pass = executor.execute(reference);
            long t2 = System.nanoTime();
            assertThat(verification.requireNothingLeft(reference).clean()).isTrue();
            long t3 = System.nanoTime();
            assertThat(pass.deleted()).isEqualTo(11);
            erase.add((t2 - t1) / 1e6);
            whole.add((t3 - t0) / 1e6);
        }
        System.out.printf("[bench] erase one subject across all systems (%d subjects, %,d rows per table): "
                        + "median %.1f ms, max %.1f ms; preview+approve+erase+verify median %.1f ms%n",
                SUBJECTS, ROWS, median(erase), Collections.max(erase), median(whole));
    }

    @Test
    void erasingASubjectWithTenThousandCallRecordings() {
        String phone = "01632 960990";
        String e164 = "+441632960990";
        long t0 = System.nanoTime();
        for (int i = 0; i < BIG_RECORDINGS; i++) {
            fileStore.write("bench/big/call-%05d.wav".formatted(i), new byte[2048]);
        }
        jdbc.update("""
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name, audio_file)
                SELECT ?, ?, '0330 088 1234', ?, 60, 'Sam Porter', 'bench/big/call-' || lpad(g::text, 5, '0') || '.wav'
                FROM generate_series(0, ? - 1) g""", phone, e164, WHEN, BIG_RECORDINGS);
        jdbc.execute("ANALYZE records.call_recording");
        System.out.printf("[bench] wrote %,d call recordings with audio files in %.1f s%n", BIG_RECORDINGS, seconds(t0));
        String reference = request(phone, null);
        preview.preview(reference, Set.of(), "olivia");
        authorisation.authorise(reference, "mark", true, null);
        long t1 = System.nanoTime();
        ErasureExecutor.Pass pass = executor.execute(reference);
        double ms = (System.nanoTime() - t1) / 1e6;
        assertThat(pass.deleted()).isEqualTo(BIG_RECORDINGS);
        assertThat(pass.filesDeleted()).isEqualTo(BIG_RECORDINGS);
        assertThat(fileStore.exists("bench/big/call-00000.wav")).isFalse();
        System.out.printf("[bench] erase a subject with %,d call recordings (rows and files): %.0f ms%n", BIG_RECORDINGS, ms);
    }

    private String request(String phone, String email) {
        Request request = register.log(new NewRequest(RequestType.ERASURE, Channel.EMAIL, "Bench Subject", email, phone,
                null, "Erase me", null, "olivia"));
        jdbc.update("UPDATE desk.request_identifier SET verified = TRUE WHERE request_id = ?", request.id());
        return request.reference();
    }

    /** One person in every system: 11 rows to delete, 1 contact to anonymise, 4 rows kept, 5 audio files. */
    private void subjectInEverySystem(int k, String phone, String email) {
        String e164 = "+44" + phone.replace(" ", "").substring(1);
        String account = "BS%06d".formatted(k);
        jdbc.update("""
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                VALUES (?, 'Bench Subject', ?, ?, ?, ?, 'ACTIVE', DATE '2021-01-01')""", account, email, email, phone, e164);
        long accountId = jdbc.queryForObject("SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, account);
        jdbc.update("INSERT INTO records.crm_contact (account_id, name, email, email_key, phone, phone_key) VALUES (?, 'Bench Subject', ?, ?, ?, ?)",
                accountId, email, email, phone, e164);
        for (int c = 0; c < 2; c++) {
            jdbc.update("INSERT INTO records.contract (account_id, contract_ref, product, start_date) VALUES (?, ?, 'SIP trunk x4', DATE '2021-01-01')",
                    accountId, "BC-" + k + "-" + c);
        }
        jdbc.update("""
                INSERT INTO records.complaint (account_id, complainant_name, email_key, phone_key, category, received_at, status)
                VALUES (?, 'Bench Subject', ?, ?, 'OTHER', ?, 'CLOSED')""", accountId, email, e164, WHEN);
        for (int c = 0; c < 3; c++) {
            String audio = "bench/subjects/%d/call-%d.wav".formatted(k, c);
            fileStore.write(audio, new byte[2048]);
            jdbc.update("""
                    INSERT INTO records.call_recording (account_id, cli, cli_key, started_at, duration_seconds, audio_file)
                    VALUES (?, ?, ?, ?, 120, ?)""", accountId, phone, e164, WHEN, audio);
        }
        jdbc.update("""
                INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                VALUES ('Bench Lists', 'Bench Subject', ?, ?, ?, ?, TRUE, 'CLEAR', DATE '2025-01-01')""", email, email, phone, e164);
        long lead = jdbc.queryForObject("SELECT MAX(id) FROM records.tm_lead WHERE phone_key = ?", Long.class, e164);
        for (int c = 0; c < 2; c++) {
            String audio = "bench/subjects/%d/tm-%d.wav".formatted(k, c);
            fileStore.write(audio, new byte[2048]);
            jdbc.update("INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds, audio_file) VALUES (?, ?, 60, ?)",
                    lead, WHEN, audio);
        }
        jdbc.update("INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, started_at) VALUES ('Bench', ?, ?, ?)",
                email, email, WHEN);
        long transcript = jdbc.queryForObject("SELECT MAX(id) FROM records.chat_transcript WHERE email_key = ?", Long.class, email);
        for (int m = 0; m < 3; m++) {
            jdbc.update("INSERT INTO records.chat_message (transcript_id, sent_at, sender, body) VALUES (?, ?, 'VISITOR', 'Hello')",
                    transcript, WHEN);
        }
        jdbc.update("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, submitted_at)
                VALUES ('CONTACT', 'Bench Subject', ?, ?, ?, ?, ?)""", email, email, phone, e164, WHEN);
    }

    /**
     * Set-based inserts (generate_series) of people nobody asks about: London 020 numbers and
     * .invalid emails, so they never match a demo or bench subject.
     */
    private void fillToAMillion() {
        fill("crm_account", """
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                SELECT 'BN' || g, 'Filler ' || g, 'f' || g || '@filler.invalid', 'f' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4420' || lpad(g::text, 8, '0'), 'ACTIVE', DATE '2020-01-01'
                FROM generate_series(1, ?) g""");
        long lo = jdbc.queryForObject("SELECT MIN(id) FROM records.crm_account WHERE account_number LIKE 'BN%'", Long.class);
        String account = "(" + lo + " + (g % " + ROWS / 2 + "))";
        fill("crm_contact", """
                INSERT INTO records.crm_contact (account_id, name, email, email_key, phone, phone_key)
                SELECT %s, 'Filler contact', 'c' || g || '@filler.invalid', 'c' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4421' || lpad(g::text, 8, '0') FROM generate_series(1, ?) g""".formatted(account));
        fill("contract", """
                INSERT INTO records.contract (account_id, contract_ref, product, start_date)
                SELECT %s, 'F-' || g, 'Broadband 80/20', DATE '2020-01-01' FROM generate_series(1, ?) g""".formatted(account));
        fill("complaint", """
                INSERT INTO records.complaint (account_id, complainant_name, email_key, phone_key, category, received_at, status)
                SELECT %s, 'Filler', 'm' || g || '@filler.invalid', '+4422' || lpad(g::text, 8, '0'), 'OTHER',
                    TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 'CLOSED' FROM generate_series(1, ?) g""".formatted(account));
        fill("call_recording", """
                INSERT INTO records.call_recording (account_id, cli, cli_key, started_at, duration_seconds)
                SELECT CASE WHEN g %% 3 = 0 THEN NULL ELSE %s END, '020 ' || lpad(g::text, 8, '0'),
                    '+4420' || lpad((g * 7 %% 100000000)::text, 8, '0'),
                    TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 60 FROM generate_series(1, ?) g""".formatted(account));
        fill("tm_lead", """
                INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                SELECT 'Filler Lists', 'Filler', 'l' || g || '@filler.invalid', 'l' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4423' || lpad(g::text, 8, '0'), TRUE, 'CLEAR', DATE '2025-01-01'
                FROM generate_series(1, ?) g""");
        long lead = jdbc.queryForObject("SELECT MIN(id) FROM records.tm_lead WHERE source = 'Filler Lists'", Long.class);
        fill("tm_call_recording", """
                INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds)
                SELECT %d + (g %% %d), TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 30
                FROM generate_series(1, ?) g""".formatted(lead, ROWS / 2));
        fill("chat_transcript", """
                INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, started_at)
                SELECT 'Filler', 't' || g || '@filler.invalid', 't' || g || '@filler.invalid',
                    TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00' FROM generate_series(1, ?) g""");
        long transcript = jdbc.queryForObject("SELECT MIN(id) FROM records.chat_transcript WHERE visitor_name = 'Filler'", Long.class);
        fill("chat_message", """
                INSERT INTO records.chat_message (transcript_id, sent_at, sender, body)
                SELECT %d + (g %% %d), TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 'VISITOR', 'Hello'
                FROM generate_series(1, ?) g""".formatted(transcript, ROWS / 2));
        fill("web_enquiry", """
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, submitted_at)
                SELECT 'CONTACT', 'Filler', 'w' || g || '@filler.invalid', 'w' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4424' || lpad(g::text, 8, '0'),
                    TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00' FROM generate_series(1, ?) g""");
        jdbc.execute("ANALYZE");
    }

    private void fill(String table, String insert) {
        long have = jdbc.queryForObject("SELECT COUNT(*) FROM records." + table, Long.class);
        if (have < ROWS) {
            jdbc.update(insert, ROWS - have);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
