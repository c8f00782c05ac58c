package uk.lucidservices.privacydesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.PhoneNumbers;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * The data map's periods for the company's records that count from a date on the row, applied by
 * the nightly job. The suite's day is Monday 15 June 2026, 09:00 BST; worked by hand from the data
 * map: call detail records go 12 months after the call (PECR reg. 7), so a call of 14 June 2025 is
 * due and one of 16 June 2025 is not; CCTV clips 31 days after the recording (14 May 2026 due,
 * 16 May not); completed number ports 12 months after completion (14 June 2025 due, 16 June not; an
 * unfinished port never); bills and payments 6 years after issue or payment (14 June 2020 due,
 * 16 June 2020 not). Person 344's account has an open complaint: its long-expired call record and
 * bill are held until the complaint closes. Every other row of the five tables is unchanged (checksums).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompanyRecordPeriodsTest extends DeskIntegrationTest {

    private static final List<String> TABLES =
            List.of("call_detail_record", "cctv_footage", "number_port", "invoice", "payment");

    @Autowired
    RetentionJob job;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Autowired
    PhoneNumbers phones;

    @Autowired
    DemoDataGenerator demoData;

    private final Map<String, Long> due = new HashMap<>();
    private final Map<String, Long> notDue = new HashMap<>();
    private long heldCall;
    private long heldBill;
    private Map<String, Map<Long, String>> before;
    private RetentionJob.Report report;

    @BeforeAll
    void ageRecordsAndRunTheJob() {
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
        job.run(); // what other classes left due, so that this run's counts are this class's
        DemoPerson p = TestPeople.person(CompanyRecordPeriodsTest.class, 343);
        long account = account(p);
        due.put("call_detail_record", call(account, OffsetDateTime.of(2025, 6, 14, 10, 0, 0, 0, ZoneOffset.UTC)));
        notDue.put("call_detail_record", call(account, OffsetDateTime.of(2025, 6, 16, 10, 0, 0, 0, ZoneOffset.UTC)));
        due.put("cctv_footage", clip(p, OffsetDateTime.of(2026, 5, 14, 10, 0, 0, 0, ZoneOffset.UTC), "due"));
        notDue.put("cctv_footage", clip(p, OffsetDateTime.of(2026, 5, 16, 10, 0, 0, 0, ZoneOffset.UTC), "kept"));
        due.put("number_port", port(account, p, LocalDate.of(2025, 6, 14)));
        notDue.put("number_port", port(account, p, LocalDate.of(2025, 6, 16)));
        port(account, p, null);
        due.put("invoice", bill(account, "INV-RET-343-A", LocalDate.of(2020, 6, 14)));
        notDue.put("invoice", bill(account, "INV-RET-343-B", LocalDate.of(2020, 6, 16)));
        due.put("payment", payment(account, OffsetDateTime.of(2020, 6, 14, 10, 0, 0, 0, ZoneOffset.UTC)));
        notDue.put("payment", payment(account, OffsetDateTime.of(2020, 6, 16, 10, 0, 0, 0, ZoneOffset.UTC)));

        DemoPerson complaining = TestPeople.person(CompanyRecordPeriodsTest.class, 344);
        long heldAccount = account(complaining);
        jdbc.update("""
                INSERT INTO records.complaint (account_id, reference, complainant_name, category, received_at, status)
                VALUES (?, 'CRM-C-RET-344', ?, 'SERVICE_BILLING', ?, 'OPEN')""", heldAccount, complaining.name(), OffsetDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        heldCall = call(heldAccount, OffsetDateTime.of(2025, 1, 10, 10, 0, 0, 0, ZoneOffset.UTC));
        heldBill = bill(heldAccount, "INV-RET-344", LocalDate.of(2019, 1, 10));

        before = checksums();
        report = job.run();
    }

    @Test
    @Order(1)
    void exactlyTheRowsPastTheirPeriodAreDeleted() {
        assertThat(report.removed("call-detail-records")).isEqualTo(1);
        assertThat(report.removed("cctv-footage")).isEqualTo(1);
        assertThat(report.removed("number-ports")).isEqualTo(1);
        assertThat(report.removed("invoices")).isEqualTo(1);
        assertThat(report.removed("payments")).isEqualTo(1);
        Map<String, Map<Long, String>> after = checksums();
        for (String table : TABLES) {
            Map<Long, String> expected = new HashMap<>(before.get(table));
            assertThat(expected.remove(due.get(table)))
                    .as(table + ": the due row was there")
                    .isNotNull();
            assertThat(after.get(table))
                    .as(table + ": every other row unchanged")
                    .isEqualTo(expected);
            assertThat(after.get(table)).containsKey(notDue.get(table));
        }
    }

    @Test
    @Order(2)
    void aDeletedClipTakesItsVideoFileWithIt() {
        assertThat(files.exists("recordings/cctv/ret-343-due.mp4")).isFalse();
        assertThat(files.exists("recordings/cctv/ret-343-kept.mp4")).isTrue();
    }

    /** Last: it closes the complaint and runs the job again. */
    @Test
    @Order(3)
    void anOpenComplaintHoldsItsAccountsRecordsUntilItCloses() {
        assertThat(exists("call_detail_record", heldCall)).isTrue();
        assertThat(exists("invoice", heldBill)).isTrue();
        jdbc.update("UPDATE records.complaint SET status = 'CLOSED' WHERE reference = 'CRM-C-RET-344'");
        RetentionJob.Report next = job.run();
        assertThat(exists("call_detail_record", heldCall)).isFalse();
        assertThat(exists("invoice", heldBill)).isFalse();
        assertThat(next.removed("call-detail-records")).isEqualTo(1);
        assertThat(next.removed("invoices")).isEqualTo(1);
    }

    private long account(DemoPerson p) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, p.accountNumber());
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        jdbc.update(
                """
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', DATE '2018-03-01')""",
                p.accountNumber(),
                p.name(),
                p.emailIn(0),
                Emails.key(p.emailIn(0)),
                p.phoneIn(0),
                phones.keyOrNull(p.phoneIn(0)));
        return jdbc.queryForObject(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, p.accountNumber());
    }

    private long call(long account, OffsetDateTime at) {
        jdbc.update("""
                INSERT INTO records.call_detail_record (account_id, direction, cli, cli_key, dialled_number, started_at,
                    duration_seconds, charge) VALUES (?, 'OUT', '020 7946 0000', '+442079460000', '0330 088 0000', ?, 61, 0.03)""", account, at);
        return lastId("call_detail_record");
    }

    private long clip(DemoPerson p, OffsetDateTime from, String name) {
        String path = "recordings/cctv/ret-343-" + name + ".mp4";
        files.write(path, new byte[] {1, 2, 3});
        jdbc.update(
                """
                INSERT INTO records.cctv_footage (site, camera, recorded_from, recorded_to, person_name, email_key, phone_key,
                    reason_linked, video_file) VALUES ('Head office', 'Reception 1', ?, ?, ?, ?, ?, 'Visitor sign-in', ?)""",
                from,
                from.plusMinutes(5),
                p.name(),
                Emails.key(p.emailIn(0)),
                phones.keyOrNull(p.phoneIn(0)),
                path);
        return lastId("cctv_footage");
    }

    private long port(long account, DemoPerson p, LocalDate completed) {
        jdbc.update(
                """
                INSERT INTO records.number_port (account_id, number, number_key, direction, other_provider, requested_on,
                    completed_on, status) VALUES (?, ?, ?, 'IN', 'Gamma', DATE '2024-05-01', ?, ?)""",
                account,
                p.phoneIn(1),
                phones.keyOrNull(p.phoneIn(1)),
                completed,
                completed == null ? "IN_PROGRESS" : "COMPLETED");
        return lastId("number_port");
    }

    private long bill(long account, String number, LocalDate issued) {
        jdbc.update("""
                INSERT INTO records.invoice (account_id, invoice_number, billing_name, period_start, period_end, issued_on,
                    net_amount, vat_amount) VALUES (?, ?, 'Account holder', ?, ?, ?, 30.00, 6.00)""", account, number, issued.minusMonths(1), issued.minusDays(1), issued);
        return lastId("invoice");
    }

    private long payment(long account, OffsetDateTime at) {
        jdbc.update("""
                INSERT INTO records.payment (account_id, paid_at, amount, method, payer_name, processor_reference)
                VALUES (?, ?, 36.00, 'DIRECT_DEBIT', 'Account holder', 'pay_ret_343')""", account, at);
        return lastId("payment");
    }

    private long lastId(String table) {
        return jdbc.queryForObject("SELECT MAX(id) FROM records." + table, Long.class);
    }

    private boolean exists(String table, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM records." + table + " WHERE id = ?", Long.class, id) == 1;
    }

    /** Every row of the five tables as a checksum of its whole content, by id. */
    private Map<String, Map<Long, String>> checksums() {
        Map<String, Map<Long, String>> tables = new HashMap<>();
        for (String table : TABLES) {
            Map<Long, String> rows = new HashMap<>();
            jdbc.query("SELECT id, md5(t::text) AS sum FROM records." + table + " t", rs -> {
                rows.put(rs.getLong("id"), rs.getString("sum"));
            });
            tables.put(table, rows);
        }
        return tables;
    }
}
