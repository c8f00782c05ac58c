package uk.lucidservices.privacydesk.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.JdbcRecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.records.demo.BulkFiller;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bench mode and lookup speed: a million rows in each large table (COPY), then one subject
 * found across every system by email and phone. Run with `mvn -Pbench verify`.
 */
@Tag("benchmark")
class LookupBenchmarkTest extends DeskIntegrationTest {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @Autowired
    BulkFiller filler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcRecordSource source;
    @Autowired
    SubjectResolver resolver;
    @Autowired
    DataMap dataMap;

    @Test
    void fillAMillionRowsPerLargeTableThenFindOneSubjectEverywhere() {
        BenchReport report = new BenchReport("lookup");
        report.add("bench fill", "call_recording rows", ROWS, "rows", "");
        report.add("bench fill", "call_recording", timeSeconds(() -> filler.callRecordings(ROWS)), "s", "minutes, not hours");
        report.add("bench fill", "web_enquiry", timeSeconds(() -> filler.webEnquiries(ROWS)), "s", "");
        report.add("bench fill", "tm_lead", timeSeconds(() -> filler.telemarketingLeads(ROWS)), "s", "");
        report.add("bench fill", "chat_transcript", timeSeconds(() -> filler.chatTranscripts(ROWS)), "s", "");
        long first = jdbc.queryForObject("SELECT MIN(id) FROM records.chat_transcript", Long.class);
        report.add("bench fill", "chat_message", timeSeconds(() -> filler.chatMessages(ROWS, first, ROWS)), "s", "");
        timeSeconds(() -> jdbc.execute("ANALYZE"));

        List<Category> categories = dataMap.searchable();
        Random random = new Random(7);
        int samples = 101;
        long[] nanos = new long[samples];
        long found = 0;
        for (int i = 0; i < samples; i++) {
            int n = random.nextInt(ROWS);
            Subject subject = resolver.resolve(List.of(BulkFiller.benchEmail(n).toUpperCase()),
                    List.of("0" + BulkFiller.benchPhone(n).substring(3)), List.of());
            long t = System.nanoTime();
            for (Category category : categories) {
                found += source.count(category, subject);
            }
            nanos[i] = System.nanoTime() - t;
        }
        assertThat(found).as("the bench subjects are found").isPositive();
        report.add("lookup, all " + categories.size() + " systems", "median", BenchReport.median(nanos), "ms", "< 1000 ms");
        report.add("lookup, all " + categories.size() + " systems", "p95", BenchReport.p95(nanos), "ms", "");
        report.write();
    }

    private static double timeSeconds(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e9;
    }
}
