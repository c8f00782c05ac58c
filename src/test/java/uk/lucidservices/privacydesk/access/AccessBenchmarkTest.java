package uk.lucidservices.privacydesk.access;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestType;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how fast the desk finds one subject among 1,000,000 rows per large table, how long a
 * pack of 10,000 and of 100,000 records takes, and the peak heap while building them. Numbers
 * are printed, not asserted (timings depend on the machine). PostgreSQL only. Run with
 * {@code mvn -o -Pbench test -Dtest=AccessBenchmarkTest}: the bench profile runs the JVM with -Xmx512m,
 * so finishing at all shows the 100,000-record pack fits in a 512 MiB heap.
 */
@Tag("benchmark")
class AccessBenchmarkTest extends AccessTestSupport {

    private static final int BACKGROUND = 1_000_000;

    @Test
    void searchAndPackAtVolume() {
        demoData.generate(300, 20260401);
        fillBackground();

        String small = subjectWith(10_000, "bench.ten.thousand@example.org", "07700 900998");
        String large = subjectWith(100_000, "bench.hundred.thousand@example.org", "07700 900999");

        List<Long> searches = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long start = System.nanoTime();
            search.search(small);
            searches.add((System.nanoTime() - start) / 1_000_000);
        }
        searches.sort(Long::compare);
        print("search one subject in all systems (" + BACKGROUND + " rows per large table): median " + searches.get(5)
                + " ms, min " + searches.get(0) + " ms, max " + searches.get(10) + " ms");

        // One small pack first: class loading, JIT and the PDF renderer's first start are not what is measured.
        String warmUp = searchedRequest();
        pack(warmUp, 0);
        pack(small, 10_000);
        pack(large, 100_000);
        print("max heap (-Xmx): " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }

    private void pack(String reference, int records) {
        if (records > 0) {
            search.search(reference);
            for (String category : checklist.categories(reference)) {
                checklist.record(reference, category, 0L, "Searched; nothing found", "olivia");
            }
        }
        long start = System.nanoTime();
        int flagged = review.flag(reference);
        long flagMs = (System.nanoTime() - start) / 1_000_000;
        review.decide(reference, Decision.KEEP, "bench", List.of(), "olivia");
        System.gc();
        resetPeaks();
        start = System.nanoTime();
        DisclosurePack pack = builder.build(reference, "olivia");
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        print("pack of " + pack.recordCount() + " records (" + (records == 0 ? "warm-up, demo person 0" : records + " inserted") + "): built in " + buildMs + " ms, "
                + pack.sizeBytes() / 1024 + " KiB; flagging " + flagged + " third-party items took " + flagMs
                + " ms; peak heap during build " + peakHeapMiB() + " MiB");
    }

    /** The subject's rows, by plain JDBC batches: half inbound calls, half web enquiries. */
    private String subjectWith(int records, String email, String phone) {
        String reference = register.log(new NewRequest(RequestType.SUBJECT_ACCESS, Channel.EMAIL, "Bench Subject", email,
                phone, null, "benchmark", null, "olivia")).reference();
        identifiers.markVerified(reference, "olivia");
        String phoneKey = "+44" + phone.replace(" ", "").substring(1);
        Timestamp at = Timestamp.from(Instant.parse("2025-01-01T10:00:00Z"));
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> enquiries = new ArrayList<>();
        for (int i = 0; i < records / 2; i++) {
            calls.add(new Object[]{phone, phoneKey, at, 60 + i % 600, "Sam Porter"});
            enquiries.add(new Object[]{"CONTACT", "Bench Subject", email, email, phone, phoneKey,
                    "Enquiry number " + i + " about hosted phones", "google-organic", at});
            if (calls.size() == 5_000) {
                flush(calls, enquiries);
            }
        }
        flush(calls, enquiries);
        return reference;
    }

    private void flush(List<Object[]> calls, List<Object[]> enquiries) {
        jdbc.batchUpdate("""
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name)
                VALUES (?, ?, '0330 088 1234', ?, ?, ?)""", calls);
        jdbc.batchUpdate("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, message,
                    last_click_source, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", enquiries);
        calls.clear();
        enquiries.clear();
    }

    /** Other people's rows: a million in each large table, none matching the bench subjects. */
    private void fillBackground() {
        long start = System.nanoTime();
        fill("records.crm_account", """
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                SELECT 'BG' || n, 'Background ' || n, 'bg' || n || '@example.net', 'bg' || n || '@example.net',
                    '020 ' || n, '+4420' || LPAD(n::text, 8, '0'), 'ACTIVE', DATE '2020-01-01'
                FROM generate_series(1, %d) n""");
        fill("records.call_recording", """
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name)
                SELECT '020 ' || n, '+4420' || LPAD(n::text, 8, '0'), '0330 088 1234', TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00',
                    60, 'Dee Khan' FROM generate_series(1, %d) n""");
        fill("records.web_enquiry", """
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, message, submitted_at)
                SELECT 'CONTACT', 'Background ' || n, 'bg' || n || '@example.net', 'bg' || n || '@example.net', '020 ' || n,
                    '+4420' || LPAD(n::text, 8, '0'), 'Background enquiry', TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00'
                FROM generate_series(1, %d) n""");
        fill("records.tm_lead", """
                INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                SELECT 'Bench', 'Background ' || n, 'bg' || n || '@example.net', 'bg' || n || '@example.net', '020 ' || n,
                    '+4420' || LPAD(n::text, 8, '0'), TRUE, 'CLEAR', DATE '2025-01-01' FROM generate_series(1, %d) n""");
        fill("records.complaint", """
                INSERT INTO records.complaint (complainant_name, email_key, phone_key, category, received_at, status)
                SELECT 'Background ' || n, 'bg' || n || '@example.net', '+4420' || LPAD(n::text, 8, '0'), 'OTHER',
                    TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00', 'CLOSED' FROM generate_series(1, %d) n""");
        fill("records.chat_transcript", """
                INSERT INTO records.chat_transcript (visitor_name, email_key, agent_name, started_at)
                SELECT 'Background', 'bg' || n || '@example.net', 'Jo Marsh', TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00'
                FROM generate_series(1, %d) n""");
        fill("records.chat_message", """
                INSERT INTO records.chat_message (transcript_id, sent_at, sender, body)
                SELECT t.id, t.started_at, 'VISITOR', 'Hello' FROM records.chat_transcript t
                ORDER BY t.id LIMIT %d""");
        // Vacuumed and analysed now, so autovacuum does not wake up in the middle of the measurements.
        jdbc.execute("VACUUM ANALYZE");
        print("background rows ready in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
    }

    private void fill(String table, String sql) {
        Long have = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        if (have == null || have < BACKGROUND) {
            jdbc.execute(sql.formatted(BACKGROUND));
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound on the heap in use at any one moment. */
    private static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static void print(String line) {
        System.out.println("BENCHMARK access: " + line);
    }
}
