package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.records.ClosedAccounts;
import uk.lucidservices.privacydesk.records.ClosedAccounts.ClosedAccount;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * Art. 19 after the relationship-end sweep. Person 341's account closed on 31 January 2026, so on
 * the suite's day (15 June 2026) its call recording (3 months after the close: 30 April), its
 * contact and its directory listing (both at the close) are due. The data map names who received
 * each: the PBX platform, the CRM provider and the directory publisher. Those three are told in the
 * erasure request's own notice tasks, and only then is the certificate issued and the request
 * closed. Its bill is kept (6 years) and so has no notice. Person 342's account closed the same day
 * holds only a bill: nothing due, no request, no notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipEndNoticesTest extends ErasureTestSupport {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate CLOSED_ON = LocalDate.of(2026, 1, 31);
    private static final String PBX = "Our hosted PBX platform provider (processor)";
    private static final String CRM = "Our CRM provider (processor)";
    private static final String DIRECTORY =
            "The directory publisher (the BT OSIS directory database) and the directory enquiry services supplied from it";

    @Autowired
    RelationshipEndSweep sweep;

    @Autowired
    ClosedAccounts closedAccounts;

    @Autowired
    RecipientNotices notices;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    private DemoPerson leaver;
    private String reference;
    private ProcessInstance noticeProcess;
    private List<RecipientNotices.Notice> beforeTelling;
    private boolean certifiedBeforeTelling;
    private String statusBeforeTelling;
    private final List<String> told = new ArrayList<>();

    @BeforeAll
    void sweepAClosedAccountAndTellItsRecipients() {
        demoData();
        leaver = person(341);
        long account = closedAccount(leaver);
        callAndContact(account, leaver, 95, OffsetDateTime.of(2025, 12, 1, 11, 0, 0, 0, ZoneOffset.UTC));
        jdbc.update("""
                INSERT INTO records.directory_entry (account_id, listed_name, number, number_key, address, listing, chosen_on)
                VALUES (?, ?, ?, ?, 'Anytown AN1', 'FULL', DATE '2024-02-01')""", account, leaver.lastName(), leaver.phoneIn(0), phones.keyOrNull(leaver.phoneIn(0)));
        bill(account, "INV-SWEEP-341");
        // Person 342 holds only a bill: whatever the demo data gave them that the sweep would erase goes first.
        DemoPerson billOnly = person(342);
        long billOnlyAccount = closedAccount(billOnly);
        String billOnlyPhone = phones.keyOrNull(billOnly.phoneIn(0));
        String billOnlyEmail = Emails.key(billOnly.emailIn(0));
        jdbc.update("DELETE FROM records.directory_entry WHERE account_id = ?", billOnlyAccount);
        jdbc.update(
                "DELETE FROM records.call_recording WHERE account_id = ? OR cli_key = ?",
                billOnlyAccount,
                billOnlyPhone);
        jdbc.update(
                "DELETE FROM records.crm_contact WHERE account_id = ? OR email_key = ? OR phone_key = ?",
                billOnlyAccount,
                billOnlyEmail,
                billOnlyPhone);
        bill(billOnlyAccount, "INV-SWEEP-342");

        reference = sweep.sweep(closedAccount(leaver.accountNumber()), TODAY).orElseThrow();
        noticeProcess = runtime.createProcessInstanceQuery()
                .processDefinitionKey(RelationshipEndSweep.NOTICES_PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        beforeTelling = notices.notices(reference);
        certifiedBeforeTelling = certificate.issued(reference).isPresent();
        statusBeforeTelling = register.get(reference).status();

        for (Task t = openNoticeTask(); t != null; t = openNoticeTask()) {
            String recipient = (String) taskService.getVariable(t.getId(), "recipient");
            told.add(recipient);
            claimAndComplete(
                    t,
                    "olivia",
                    recipient.equals(DIRECTORY)
                            ? Map.of(
                                    "noticeStatus",
                                    "IMPOSSIBLE",
                                    "noticeNote",
                                    "The publisher removes listings of ceased numbers itself")
                            : Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Sent through the supplier portal"));
        }
    }

    @Test
    void eachRecipientOfAnErasedCategoryGetsANoticeTask() {
        assertThat(noticeProcess).as("the notice process of " + reference).isNotNull();
        assertThat(beforeTelling)
                .extracting(RecipientNotices.Notice::recipient, RecipientNotices.Notice::status)
                .containsExactlyInAnyOrder(
                        tuple(PBX, RecipientNotices.PENDING),
                        tuple(CRM, RecipientNotices.PENDING),
                        tuple(DIRECTORY, RecipientNotices.PENDING));
        assertThat(told).containsExactlyInAnyOrder(PBX, CRM, DIRECTORY);
        assertThat(notices.notices(reference))
                .filteredOn(n -> n.recipient().equals(DIRECTORY))
                .singleElement()
                .satisfies(n -> assertThat(n.categories()).containsExactly("directory-entries"));
    }

    @Test
    void theCertificateWaitsForTheNoticesAndRecordsThem() {
        assertThat(certifiedBeforeTelling).isFalse();
        assertThat(statusBeforeTelling).isNotEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(noticeProcess.getId())
                        .count())
                .as("the notice process has ended")
                .isZero();
        assertThat(certificate.issued(reference)).isPresent();
        assertThat(certificate.document(reference).recipients())
                .extracting(CertificateDocument.RecipientLine::recipient, CertificateDocument.RecipientLine::status)
                .containsExactlyInAnyOrder(
                        tuple(PBX, RecipientNotices.NOTIFIED),
                        tuple(CRM, RecipientNotices.NOTIFIED),
                        tuple(DIRECTORY, RecipientNotices.IMPOSSIBLE));
        assertThat(register.get(reference).outcome()).isEqualTo(ErasureClosing.ERASED);
        assertThat(eventKinds(reference)).contains("RECIPIENT_NOTICE");
    }

    @Test
    void theDueRecordsAreGoneAndTheBillIsKept() {
        String phone = phones.keyOrNull(leaver.phoneIn(0));
        assertThat(count("SELECT COUNT(*) FROM records.call_recording WHERE cli_key = ?", phone))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM records.directory_entry WHERE number_key = ?", phone))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM records.invoice WHERE invoice_number = ?", "INV-SWEEP-341"))
                .isEqualTo(1);
        assertThat(notices.notices(reference))
                .extracting(RecipientNotices.Notice::recipient)
                .doesNotContain("Our billing platform provider (processor)", "HMRC where the law requires");
    }

    @Test
    void anAccountWithNothingDueOpensNoRequestAndNoNotice() {
        assertThat(sweep.sweep(closedAccount(person(342).accountNumber()), TODAY))
                .isEmpty();
        assertThat(count(
                        "SELECT COUNT(*) FROM desk.request WHERE channel = 'INTERNAL' AND account_number = ?",
                        person(342).accountNumber()))
                .isZero();
    }

    private Task openNoticeTask() {
        return noticeProcess == null
                ? null
                : taskService
                        .createTaskQuery()
                        .processInstanceId(noticeProcess.getId())
                        .taskDefinitionKey("Task_NotifyRecipient")
                        .singleResult();
    }

    /** The person's account (created when the demo data gave them none), closed on 31 January 2026. */
    private long closedAccount(DemoPerson p) {
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
        jdbc.update("UPDATE records.crm_account SET status = 'CLOSED', closed_on = ? WHERE id = ?", CLOSED_ON, id);
        return id;
    }

    private ClosedAccount closedAccount(String accountNumber) {
        return closedAccounts.closedOnOrBefore(TODAY).stream()
                .filter(a -> a.accountNumber().equals(accountNumber))
                .findFirst()
                .orElseThrow();
    }

    private void bill(long account, String number) {
        jdbc.update("""
                INSERT INTO records.invoice (account_id, invoice_number, billing_name, period_start, period_end, issued_on,
                    net_amount, vat_amount) VALUES (?, ?, 'Account holder', DATE '2025-12-01', DATE '2025-12-31',
                    DATE '2026-01-01', 40.00, 8.00)""", account, number);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
