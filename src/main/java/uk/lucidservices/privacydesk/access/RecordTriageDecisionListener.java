package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.sla.ExtendDeadline;
import uk.lucidservices.privacydesk.sla.PauseClock;

import java.util.Locale;

/**
 * Completion listener of {@code Task_TriageRequest} (form {@code sar-triage}). Reads
 * {@code triageDecision} = PROCEED | REFUSE | CLARIFY | EXTEND and records it on the request.
 * A refusal needs {@code refusalReason} and a clarification {@code clarificationQuestion}:
 * both are stored as triage notes and taken out of the process (letters read them from the
 * request). An extension needs {@code extensionReason}, which stays for the manager's approval and
 * is taken out there. The decision, and for a clarification the optional day it was asked
 * ({@code clarificationAskedOn}, read by {@code pauseClock}), are kept only for the steps that follow
 * in the same transaction. Anything missing stops the task from completing with what to fix.
 */
@Component("recordTriageDecision")
public class RecordTriageDecisionListener implements TaskListener {

    public static final String DECISION = "triageDecision";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String CLARIFICATION_QUESTION = "clarificationQuestion";

    public enum TriageDecision { PROCEED, REFUSE, CLARIFY, EXTEND }

    private final RequestRegister register;
    private final TriageNotes notes;
    private final IdentityService identityService;

    public RecordTriageDecisionListener(RequestRegister register, TriageNotes notes, IdentityService identityService) {
        this.register = register;
        this.notes = notes;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        TriageDecision decision = parse(FormVariables.text(task, DECISION));
        String userId = Actors.of(task, identityService);
        Request request = register.get(execution.getProcessBusinessKey());
        String refusalReason = FormVariables.text(task, REFUSAL_REASON);
        String question = FormVariables.text(task, CLARIFICATION_QUESTION);
        String extensionReason = FormVariables.text(task, ExtendDeadline.REASON);
        switch (decision) {
            case REFUSE -> {
                if (blank(refusalReason)) {
                    throw new IllegalArgumentException("Give the reason for refusing: the refusal letter quotes it");
                }
                notes.write(request.id(), TriageNotes.Kind.REFUSAL_REASON, refusalReason, userId);
            }
            case CLARIFY -> {
                if (blank(question)) {
                    throw new IllegalArgumentException("Write the question the requester should answer: the clarification letter asks it");
                }
                notes.write(request.id(), TriageNotes.Kind.CLARIFICATION_QUESTION, question, userId);
            }
            case EXTEND -> {
                if (blank(extensionReason)) {
                    throw new IllegalArgumentException("Give the reason for the extension (why the request is complex "
                            + "or numerous): the manager approves it and the requester is told it");
                }
            }
            case PROCEED -> {
            }
        }
        register.record(request.id(), "TRIAGE_DECISION", userId, "decision=" + decision);
        Object askedOn = execution.getVariable(PauseClock.ASKED_ON);
        StepValues.keepForThisStep(execution, DECISION, decision.name());
        StepValues.keepForThisStep(execution, PauseClock.ASKED_ON, decision == TriageDecision.CLARIFY ? askedOn : null);
        FormVariables.scrub(execution, REFUSAL_REASON);
        FormVariables.scrub(execution, CLARIFICATION_QUESTION);
        if (decision != TriageDecision.EXTEND) {
            FormVariables.scrub(execution, ExtendDeadline.REASON);
        }
    }

    static TriageDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose a decision: PROCEED, REFUSE, CLARIFY or EXTEND");
        }
        try {
            return TriageDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown decision '" + text.trim() + "': use PROCEED, REFUSE, CLARIFY or EXTEND");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
