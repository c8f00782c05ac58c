package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issue 14, part 5: a fee route for a manifestly unfounded or excessive request or further copies
 * (Art. 12(5), 15(3)). The officer decides the fee at triage, the fee letter gives amount and
 * reason, and the month runs from the day staff record the payment reached the company.
 */
class FeeRouteTest extends SarProcessTestSupport {

    @Autowired
    VerifiedIdentifiers identifiers;

    @Test
    void theClockStartsOnTheDayTheFeeWasPaid() throws Exception {
        // Received Friday 5 June 2026 (10 days before the suite's Monday 15 June).
        ProcessInstance pi = startFor(person(405), 10);
        String reference = pi.getBusinessKey();
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 6));
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pi,
                "Task_TriageRequest",
                "peter",
                Map.of(
                        "triageDecision",
                        "FEE",
                        "feeAmount",
                        "£25",
                        "feeReason",
                        "You asked for a further copy of the information we sent you on 1 June 2026."));

        process(pi).isWaitingAt("Task_RecordFeePayment");
        assertThat(letters(reference)).containsExactly("acknowledgement", "fee-request");
        assertThat(text(mailFor(reference, "charge a fee")))
                .contains("a fee of £25.00")
                .contains("The reason is: You asked for a further copy of the information we sent you on 1 June 2026.")
                .contains("starts on the day we receive your payment");
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("feeReason", "feeAmount");

        Task payment = task(pi, "Task_RecordFeePayment");
        taskService.claim(payment.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(payment.getId(), Map.of("feeOutcome", "PAID")))
                .hasMessageContaining("the day the payment reached us");
        assertThatThrownBy(() ->
                        taskService.complete(payment.getId(), Map.of("feeOutcome", "PAID", "feePaidOn", "2026-06-16")))
                .hasMessageContaining("in the future");
        taskService.setAssignee(payment.getId(), null);

        // Paid Friday 12 June 2026: a month on is Sunday 12 July, so the deadline is Monday 13 July.
        work(pi, "Task_RecordFeePayment", "olivia", Map.of("feeOutcome", "PAID", "feePaidOn", "2026-06-12"));

        process(pi).isWaitingAt("Task_SearchManualSystems");
        assertThat(register.get(reference).clockStart()).isEqualTo(LocalDate.of(2026, 6, 12));
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 13));
        assertThat(eventKinds(reference)).contains("FEE_PAID");
    }

    @Test
    void aFeeNotPaidClosesTheRequest() throws Exception {
        String address = "fourth.identical.request.fee@example.org";
        ProcessInstance pi = startRequest(address, null, 0);
        String reference = pi.getBusinessKey();
        replyFromRequester(pi, 1);
        long email = register.identifiers(register.get(reference).id()).stream()
                .filter(i -> i.kind().equals("EMAIL"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.accept(reference, email, "peter");
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        assertThatThrownBy(() -> claimAndComplete(
                        task(pi, "Task_TriageRequest"),
                        "peter",
                        Map.of("triageDecision", "FEE", "feeAmount", "0", "feeReason", "Excessive")))
                .hasMessageContaining("above nothing");
        taskService.setAssignee(task(pi, "Task_TriageRequest").getId(), null);
        work(
                pi,
                "Task_TriageRequest",
                "peter",
                Map.of("triageDecision", "FEE", "feeAmount", "10.50", "feeReason", "A fourth identical request"));
        assertThat(text(mailFor(reference, "charge a fee"))).contains("a fee of £10.50");

        work(pi, "Task_RecordFeePayment", "olivia", Map.of("feeOutcome", "NOT_PAID"));

        process(pi).isEnded();
        assertThat(jdbc.queryForObject("SELECT outcome FROM desk.request WHERE reference = ?", String.class, reference))
                .isEqualTo("CLOSED_FEE_NOT_PAID");
        assertThat(eventKinds(reference)).contains("FEE_NOT_PAID");
    }
}
