package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Completion listener of {@code Task_RecordFeePayment} (form {@code sar-record-fee}): staff record
 * that the fee was paid, with the day the payment reached the company ({@code feePaidOn}, not in the
 * future), or that it was not paid. Hands the gateway {@code feePaid} and, when paid, the day as
 * {@code feePaidDay} to the step that starts the clock: the month runs from the payment, as it does
 * from the receipt of ID. Both transient; the payment is recorded on the request as FEE_PAID.
 */
@Component("recordFeePayment")
class RecordFeePaymentListener implements TaskListener {

    static final String OUTCOME = "feeOutcome";
    static final String PAID_ON = "feePaidOn";
    static final String PAID = "feePaid";
    /** The day the fee reached the company, for {@code requestClockService.startClockOn}. */
    static final String PAID_DAY = "feePaidDay";

    private final RequestRegister register;
    private final Clock clock;

    RecordFeePaymentListener(RequestRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String outcome = ProcessVariables.text(task, OUTCOME);
        if (outcome == null
                || !(outcome.trim().equalsIgnoreCase("PAID") || outcome.trim().equalsIgnoreCase("NOT_PAID"))) {
            throw new IllegalArgumentException("Say whether the fee was paid (PAID) or not (NOT_PAID)");
        }
        boolean paid = outcome.trim().toUpperCase(Locale.ROOT).equals("PAID");
        Request request = register.get(execution.getProcessBusinessKey());
        String userId = Actors.of(task);
        if (paid) {
            LocalDate paidOn = ProcessVariables.date(task, PAID_ON, ClockConfiguration.UK);
            if (paidOn == null) {
                throw new IllegalArgumentException("Give the day the payment reached us: the month starts then");
            }
            if (paidOn.isAfter(LocalDate.now(clock.withZone(ClockConfiguration.UK)))) {
                throw new IllegalArgumentException("The payment day " + paidOn + " is in the future");
            }
            if (paidOn.isBefore(request.receivedAt()
                    .atZoneSameInstant(ClockConfiguration.UK)
                    .toLocalDate())) {
                throw new IllegalArgumentException("The payment day " + paidOn + " is before the request arrived");
            }
            register.record(request.id(), "FEE_PAID", userId, "paid on " + paidOn);
            ProcessVariables.handOn(execution, PAID_DAY, paidOn);
        } else {
            register.record(request.id(), "FEE_NOT_PAID", userId, "the fee was not paid");
        }
        ProcessVariables.forget(execution, OUTCOME, PAID_ON);
        ProcessVariables.handOn(execution, PAID, paid);
    }
}
