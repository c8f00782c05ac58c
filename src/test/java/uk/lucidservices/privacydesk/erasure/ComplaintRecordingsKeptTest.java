package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * Issue 14, part 5: call recordings on an account with a complaint still open, or closed less than
 * 12 months ago, are kept by default with the legal-claims reason (Art. 17(3)(e)); older complaints
 * hold nothing. The suite's day is Monday 15 June 2026, so 12 months back is 15 June 2025.
 */
class ComplaintRecordingsKeptTest extends ErasureTestSupport {

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasurePlan plan;

    private DemoPerson person;
    private long complaint;
    private String reference;

    @BeforeEach
    void aRecordingAndAComplaintOnThePersonsAccount() {
        demoData();
        person = person(403);
        String emailKey = Emails.key(person.email());
        String phoneKey = "+44" + person.phone().replace(" ", "").substring(1);
        List<Long> accounts =
                jdbc.queryForList("SELECT id FROM records.crm_account WHERE email_key = ?", Long.class, emailKey);
        long account = accounts.isEmpty()
                ? jdbc.queryForObject("""
                        INSERT INTO records.crm_account (account_number, name, email, email_key, status, opened_on)
                        VALUES ('LS-T-403', ?, ?, ?, 'ACTIVE', DATE '2024-01-02') RETURNING id""", Long.class, person.name(), person.email(), emailKey)
                : accounts.get(0);
        jdbc.update(
                """
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at,
                    duration_seconds, agent_name) VALUES (?, ?, ?, '+442071234567', ?, 95, 'Agent Ray')""", account, person.phone(), phoneKey, OffsetDateTime.of(2026, 5, 4, 10, 30, 0, 0, ZoneOffset.UTC));
        complaint = jdbc.queryForObject(
                """
                INSERT INTO records.complaint (account_id, reference, category, received_at, status)
                VALUES (?, 'CRM-C-T403', 'SERVICE_BILLING', ?, 'OPEN') RETURNING id""", Long.class, account, OffsetDateTime.of(2026, 5, 5, 9, 0, 0, 0, ZoneOffset.UTC));
        reference = logErasureRequest(person).reference();
    }

    @Test
    void recordingsAreKeptWhileAComplaintIsOpenOrClosedUnderTwelveMonthsAgo() {
        ErasurePlanItem open = callRecordings();
        assertThat(open.action()).isEqualTo(ErasureAction.KEEP);
        assertThat(open.inScope()).isTrue();
        assertThat(open.keepReason())
                .isEqualTo("A complaint on the account is open or closed less than 12 months ago:"
                        + " kept to establish, exercise or defend legal claims (Art. 17(3)(e))");

        closeComplaintOn(OffsetDateTime.of(2025, 6, 16, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(callRecordings().action())
                .as("closed on 16 June 2025: less than 12 months before 15 June 2026")
                .isEqualTo(ErasureAction.KEEP);

        closeComplaintOn(OffsetDateTime.of(2025, 6, 14, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(callRecordings().action())
                .as("closed on 14 June 2025: more than 12 months ago, it holds nothing")
                .isEqualTo(ErasureAction.DELETE);
    }

    private void closeComplaintOn(OffsetDateTime closed) {
        jdbc.update("UPDATE records.complaint SET status = 'CLOSED', closed_at = ? WHERE id = ?", closed, complaint);
    }

    private ErasurePlanItem callRecordings() {
        preview.preview(reference, Set.of(), "olivia");
        return plan.items(reference).stream()
                .filter(i -> i.categoryId().equals("call-recordings"))
                .findFirst()
                .orElseThrow();
    }
}
