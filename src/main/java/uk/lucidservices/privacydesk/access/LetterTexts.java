package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.sla.ClockStore;

/**
 * Puts an officer's or manager's words into the letter that quotes them, for the length of the
 * letter step only: start listeners of the send steps call
 * {@code ${letterTexts.refusalReason(execution)}} and friends, which read the text from the
 * request and set it as a transient local variable, so the letter template sees it and the engine
 * never stores it.
 */
@Component("letterTexts")
public class LetterTexts {

    private final RequestRegister register;
    private final TriageNotes notes;
    private final ClockStore clockStore;

    public LetterTexts(RequestRegister register, TriageNotes notes, ClockStore clockStore) {
        this.register = register;
        this.notes = notes;
        this.clockStore = clockStore;
    }

    /** {@code refusalReason} for the refusal letter. */
    public void refusalReason(DelegateExecution execution) {
        long requestId = requestId(execution);
        put(
                execution,
                RecordTriageDecisionListener.REFUSAL_REASON,
                notes.latest(requestId, TriageNotes.Kind.REFUSAL_REASON)
                        .orElseThrow(() ->
                                new IllegalStateException("No reason for refusing " + execution.getProcessBusinessKey()
                                        + " is recorded: the refusal letter must give it")));
    }

    /** {@code clarificationQuestion} for the clarification letter. */
    public void clarificationQuestion(DelegateExecution execution) {
        notes.latest(requestId(execution), TriageNotes.Kind.CLARIFICATION_QUESTION)
                .ifPresent(question -> put(execution, RecordTriageDecisionListener.CLARIFICATION_QUESTION, question));
    }

    /** {@code feeReason} and {@code feeAmount} for the fee letter, as the officer decided them at triage. */
    public void fee(DelegateExecution execution) {
        long requestId = requestId(execution);
        put(
                execution,
                RecordTriageDecisionListener.FEE_REASON,
                notes.latest(requestId, TriageNotes.Kind.FEE_REASON)
                        .orElseThrow(() -> new IllegalStateException("No fee reason is recorded for "
                                + execution.getProcessBusinessKey() + ": the fee letter must give it")));
        put(
                execution,
                RecordTriageDecisionListener.FEE_AMOUNT,
                notes.latest(requestId, TriageNotes.Kind.FEE_AMOUNT)
                        .orElseThrow(() -> new IllegalStateException(
                                "No fee is recorded for " + execution.getProcessBusinessKey())));
    }

    /** {@code extensionReason} for the extension notice: the reason stored with the extension. */
    public void extensionReason(DelegateExecution execution) {
        String reason = clockStore
                .record(requestId(execution))
                .map(ClockStore.ClockRecord::extensionReason)
                .orElse(null);
        if (reason == null || reason.isBlank()) {
            throw new IllegalStateException("No extension reason is recorded for " + execution.getProcessBusinessKey()
                    + ": the extension notice must give it");
        }
        put(execution, "extensionReason", reason);
    }

    private long requestId(DelegateExecution execution) {
        return register.get(execution.getProcessBusinessKey()).id();
    }

    private static void put(DelegateExecution execution, String name, String text) {
        execution.setVariableLocal(name, Variables.stringValue(text, true));
    }
}
