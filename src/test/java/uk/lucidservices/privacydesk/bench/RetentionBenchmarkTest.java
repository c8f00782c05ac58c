package uk.lucidservices.privacydesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.retention.RetentionJob;

/**
 * The retention job alone over {@code bench.retentionRows} expired rows in every store of the desk
 * (default 1,000,000 each), printed; {@link DeskBenchmarkTest} runs the same work as workload 8 into
 * its report. A quick run: {@code mvn -Pbench verify -Dtest=RetentionBenchmarkTest -Dbench.retentionRows=2000}.
 */
@Tag("benchmark")
class RetentionBenchmarkTest extends DeskIntegrationTest {

    private static final int ROWS = Integer.getInteger("bench.retentionRows", 1_000_000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionJob job;

    @Test
    void theSweepClearsEveryExpiredRowOfEveryStore() {
        RetentionWorkload.Result result = new RetentionWorkload(jdbc, job).run(ROWS);
        System.out.printf(
                "%nRetention sweep: %,d expired rows per store, %.1f s, %,.0f rows/s%n",
                ROWS, result.seconds(), result.total() / result.seconds());
        result.removed().forEach((store, n) -> System.out.printf("  %-26s %,12d%n", store, n));
        for (String store : RetentionWorkload.STORES) {
            assertThat(result.removed().getOrDefault(store, 0L)).as(store).isEqualTo(ROWS);
        }
        assertThat(result.personalFieldsLeft()).isZero();
    }
}
