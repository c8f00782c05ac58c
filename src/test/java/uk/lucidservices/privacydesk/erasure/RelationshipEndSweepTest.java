package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.records.ClosedAccounts;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;

/**
 * The relationship-end sweep on the suite's day, Monday 15 June 2026. Worked by hand from the data
 * map: call recordings go 3 months after the account closes, account contacts at the close. An
 * account closed on 31 January 2026 is past both (recordings due 30 April); one closed on
 * 16 March 2026 has its recordings due on 16 June, tomorrow, so only its contacts go today.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipEndSweepTest extends ErasureTestSupport {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate LONG_AGO = LocalDate.of(2026, 1, 31);
    private static final LocalDate TOMORROW_DUE = LocalDate.of(2026, 3, 16);
    private static final String COMPLAINT_HOLD = "A complaint on the account is open or closed less than 12 months"
            + " ago: kept to establish, exercise or defend legal claims (Art. 17(3)(e))";

    @Autowired
    RelationshipEndSweep sweep;

    @Autowired
    ClosedAccounts closedAccounts;

    @Autowired
    ErasurePlan plan;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    private DemoPerson gone;
    private DemoPerson recent;
    private DemoPerson complaining;
    private Map<Long, String> othersBefore;
    private long goneRecordings;
    private long recentRecordings;
    private long complainingRecordings;

    @BeforeAll
    void closeAccountsAndSweep() {
        demoData();
        // Whatever the demo data's own closed accounts have due is swept first, so that the
        // comparison below sees only what this test's accounts cause.
        sweep.run();
        gone = person(331);
        recent = person(332);
        complaining = person(333);
        long goneAccount = closedAccount(gone, LONG_AGO);
        long recentAccount = closedAccount(recent, TOMORROW_DUE);
        long complainingAccount = closedAccount(complaining, LONG_AGO);
        jdbc.update(
                """
                INSERT INTO records.complaint (account_id, reference, complainant_name, category, received_at, status)
                VALUES (?, 'CRM-C-SWEEP-333', ?, 'OTHER', ?, 'OPEN')""",
                complainingAccount,
                complaining.name(),
                OffsetDateTime.of(2026, 1, 20, 10, 0, 0, 0, ZoneOffset.UTC));
        goneRecordings = recordings(goneAccount);
        recentRecordings = recordings(recentAccount);
        complainingRecordings = recordings(complainingAccount);
        othersBefore = othersChecksums();
        long erased = sweep.run();
        assertThat(erased).isPositive();
        // What was erased had recipients (the PBX platform, the CRM provider): the certificate and the
        // closing follow their notices (RelationshipEndNoticesTest), so tell them as an officer would.
        for (DemoPerson p : List.of(gone, recent, complaining)) {
            tellTheRecipients(sweptReference(p));
        }
    }

    private void tellTheRecipients(String reference) {
        ProcessInstance notices = runtime.createProcessInstanceQuery()
                .processDefinitionKey(RelationshipEndSweep.NOTICES_PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        assertThat(notices).as("notice process of " + reference).isNotNull();
        for (Task t = noticeTask(notices); t != null; t = noticeTask(notices)) {
            claimAndComplete(t, "olivia", Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Supplier portal"));
        }
    }

    private Task noticeTask(ProcessInstance pi) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_NotifyRecipient")
                .singleResult();
    }

    @Test
    void anAccountClosedLongEnoughAgoHasItsDueRecordsErasedWithACertificate() {
        String reference = sweptReference(gone);
        assertThat(recordingsByPhone(gone)).isZero();
        assertThat(contactsByEmail(gone)).isZero();
        assertThat(item(reference, "call-recordings").action()).isEqualTo(ErasureAction.DELETE);
        assertThat(item(reference, "crm-contacts").action()).isEqualTo(ErasureAction.ANONYMISE);
        CertificateDocument document = certificate.document(reference);
        long deleted = document.systems().stream()
                .flatMap(s -> s.categories().stream())
                .filter(l -> l.category().equals("call-recordings"))
                .mapToLong(CertificateDocument.CategoryLine::deleted)
                .sum();
        assertThat(deleted).isEqualTo(goneRecordings).isPositive();
        assertThat(certificate.issued(reference)).isPresent();
        Request request = register.get(reference);
        assertThat(request.outcome()).isEqualTo(ErasureClosing.ERASED);
    }

    @Test
    void anAccountClosedRecentlyKeepsItsRecordingsTillTheirPeriodEnds() {
        String reference = sweptReference(recent);
        assertThat(recordingsByPhone(recent)).isEqualTo(recentRecordings).isPositive();
        ErasurePlanItem recordings = item(reference, "call-recordings");
        assertThat(recordings.inScope()).isFalse();
        assertThat(recordings.action()).isEqualTo(ErasureAction.KEEP);
        // Contacts go at the close (P0D): those are due already.
        assertThat(contactsByEmail(recent)).isZero();
    }

    @Test
    void recordingsOfAnAccountWithAnOpenComplaintAreHeldWithTheLegalClaimsReason() {
        String reference = sweptReference(complaining);
        assertThat(recordingsByPhone(complaining))
                .isEqualTo(complainingRecordings)
                .isPositive();
        ErasurePlanItem recordings = item(reference, "call-recordings");
        assertThat(recordings.inScope()).isTrue();
        assertThat(recordings.action()).isEqualTo(ErasureAction.KEEP);
        // The data map's keep-while-complaint (P12M) holds them, with its legal-claims reason; the sweep
        // marks its own reason only for what that does not cover (an open ADR case), so nobody marked these.
        assertThat(recordings.keepReason()).isEqualTo(COMPLAINT_HOLD);
        assertThat(recordings.markedBy()).isNull();
        assertThat(register.get(reference).outcome()).isEqualTo(ErasureClosing.ERASED_IN_PART);
        CertificateDocument.CategoryLine line = certificate.document(reference).systems().stream()
                .flatMap(s -> s.categories().stream())
                .filter(l -> l.category().equals("call-recordings"))
                .findFirst()
                .orElseThrow();
        assertThat(line.action()).isEqualTo("KEEP");
        assertThat(line.kept()).isEqualTo(complainingRecordings);
        assertThat(line.keptReason()).isEqualTo(COMPLAINT_HOLD);
        assertThat(closedAccounts.hasOpenComplaintOrAdrCase(complaining.accountNumber()))
                .isTrue();
    }

    @Test
    void otherPeoplesRecordingsAndContactsAreUnchanged() {
        // Anonymised rows of this test's people lose their keys and would join "others": compare
        // the rows that were other people's before, every one of which must still be there unchanged.
        Map<Long, String> after = new TreeMap<>(othersChecksums());
        after.keySet().retainAll(othersBefore.keySet());
        assertThat(othersBefore).isNotEmpty();
        assertThat(after).hasSameSizeAs(othersBefore);
        assertThat(after.equals(othersBefore))
                .as("other people's rows unchanged")
                .isTrue();
    }

    @Test
    void aSecondRunFindsNothingMoreDue() {
        assertThat(sweep.run()).isZero();
    }

    /** The person's account, created or found, closed on {@code closedOn}, with a recording and a contact. */
    private long closedAccount(DemoPerson p, LocalDate closedOn) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, p.accountNumber());
        if (ids.isEmpty()) {
            jdbc.update(
                    """
                    INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status,
                        opened_on) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                    p.accountNumber(),
                    p.name(),
                    p.emailIn(0),
                    Emails.key(p.emailIn(0)),
                    p.phoneIn(0),
                    phones.keyOrNull(p.phoneIn(0)),
                    LocalDate.of(2021, 5, 1));
        }
        long id = jdbc.queryForObject(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, p.accountNumber());
        jdbc.update("UPDATE records.crm_account SET status = 'CLOSED', closed_on = ? WHERE id = ?", closedOn, id);
        callAndContact(id, p, 120, OffsetDateTime.of(2025, 11, 3, 14, 0, 0, 0, ZoneOffset.UTC));
        return id;
    }

    private long recordings(long accountId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.call_recording WHERE account_id = ?", Long.class, accountId);
    }

    private long recordingsByPhone(DemoPerson p) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.call_recording WHERE cli_key = ?",
                Long.class,
                phones.keyOrNull(p.phoneIn(0)));
    }

    private long contactsByEmail(DemoPerson p) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.crm_contact WHERE email_key = ?", Long.class, Emails.key(p.emailIn(0)));
    }

    /** The internal erasure request the sweep logged for the person's account. */
    private String sweptReference(DemoPerson p) {
        Optional<String> reference = jdbc
                .queryForList(
                        "SELECT reference FROM desk.request WHERE channel = 'INTERNAL' AND account_number = ?",
                        String.class,
                        p.accountNumber())
                .stream()
                .findFirst();
        assertThat(reference).as("sweep request for demo person " + p.index()).isPresent();
        return reference.get();
    }

    private ErasurePlanItem item(String reference, String categoryId) {
        return plan.item(reference, categoryId).orElseThrow();
    }

    /** Checksums of every recording and contact row not on this test's people's accounts or numbers. */
    private Map<Long, String> othersChecksums() {
        List<String> phoneKeys = List.of(gone, recent, complaining).stream()
                .map(p -> phones.keyOrNull(p.phoneIn(0)))
                .toList();
        List<String> emailKeys = List.of(gone, recent, complaining).stream()
                .map(p -> Emails.key(p.emailIn(0)))
                .toList();
        Map<Long, String> sums = new TreeMap<>();
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("phones", phoneKeys).addValue("emails", emailKeys);
        named.query("""
                SELECT r.id, md5(CAST(r.* AS TEXT)) AS sum FROM records.call_recording r
                WHERE r.cli_key IS NULL OR r.cli_key NOT IN (:phones)""", params, rs -> {
            sums.put(rs.getLong(1), rs.getString(2));
        });
        named.query("""
                SELECT c.id, md5(CAST(c.* AS TEXT)) AS sum FROM records.crm_contact c
                WHERE (c.email_key IS NULL OR c.email_key NOT IN (:emails))
                  AND (c.phone_key IS NULL OR c.phone_key NOT IN (:phones))""", params, rs -> {
            sums.put(-rs.getLong(1), rs.getString(2));
        });
        return sums;
    }
}
