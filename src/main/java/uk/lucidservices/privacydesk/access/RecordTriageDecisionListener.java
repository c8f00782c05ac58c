package uk.lucidservices.privacydesk.access;

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
import uk.lucidservices.privacydesk.sla.PauseClock;

/**
 * Completion listener of {@code Task_TriageRequest} (form {@code forms/sar-triage.html}). Reads
 * {@code triageDecision} = PROCEED | REFUSE | CLARIFY | EXTEND, records it on the request and hands
 * it to the gateway as {@code triageRoute} (transient). A refusal needs {@code refusalReason} and a
 * clarification {@code clarificationQuestion}: both are stored as triage notes and taken out of the
 * process (letters read them from the request). A clarification asked earlier by other means gives
 * its day in {@code clarificationAlreadyAskedOn}, handed to {@code pauseClock} as
 * {@code clarificationAskedOn}. An extension needs {@code proposedExtensionReason}, which stays for
 * the manager's approval and is taken out there. Anything missing stops the task from completing.
 */
@Component("recordTriageDecision")
class RecordTriageDecisionListener implements TaskListener {

    public static final String DECISION = "triageDecision";
    public static final String ROUTE = "triageRoute";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String CLARIFICATION_QUESTION = "clarificationQuestion";
    public static final String ALREADY_ASKED_ON = "clarificationAlreadyAskedOn";
    public static final String PROPOSED_EXTENSION_REASON = "proposedExtensionReason";

    public enum TriageDecision {
        PROCEED,
        REFUSE,
        CLARIFY,
        EXTEND
    }

    private final RequestRegister register;
    private final TriageNotes notes;

    public RecordTriageDecisionListener(RequestRegister register, TriageNotes notes) {
        this.register = register;
        this.notes = notes;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        TriageDecision decision = parse(ProcessVariables.text(task, DECISION));
        String userId = Actors.of(task);
        Request request = register.get(execution.getProcessBusinessKey());
        switch (decision) {
            case REFUSE -> {
                String reason = ProcessVariables.text(task, REFUSAL_REASON);
                if (blank(reason)) {
                    throw new IllegalArgumentException("Give the reason for refusing: the refusal letter quotes it");
                }
                notes.write(request.id(), TriageNotes.Kind.REFUSAL_REASON, reason, userId);
            }
            case CLARIFY -> {
                String question = ProcessVariables.text(task, CLARIFICATION_QUESTION);
                if (blank(question)) {
                    throw new IllegalArgumentException(
                            "Write the question the requester should answer: the clarification letter asks it");
                }
                notes.write(request.id(), TriageNotes.Kind.CLARIFICATION_QUESTION, question, userId);
                // Read here, so a date the form cannot give is refused while the officer is on it.
                ProcessVariables.handOn(
                        execution,
                        PauseClock.ASKED_ON,
                        ProcessVariables.date(execution, ALREADY_ASKED_ON, ClockConfiguration.UK));
            }
            case EXTEND -> {
                if (blank(ProcessVariables.text(task, PROPOSED_EXTENSION_REASON))) {
                    throw new IllegalArgumentException("Give the reason for the extension (why the request is complex "
                            + "or numerous): the manager approves it and the requester is told it");
                }
            }
            case PROCEED -> {}
        }
        register.record(request.id(), "TRIAGE_DECISION", userId, "decision=" + decision);
        ProcessVariables.forget(execution, DECISION);
        ProcessVariables.forget(execution, REFUSAL_REASON);
        ProcessVariables.forget(execution, CLARIFICATION_QUESTION);
        ProcessVariables.forget(execution, ALREADY_ASKED_ON);
        if (decision != TriageDecision.EXTEND) {
            ProcessVariables.forget(execution, PROPOSED_EXTENSION_REASON);
        }
        ProcessVariables.handOn(execution, ROUTE, decision.name());
    }

    static TriageDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose a decision: PROCEED, REFUSE, CLARIFY or EXTEND");
        }
        try {
            return TriageDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown decision '" + text.trim() + "': use PROCEED, REFUSE, CLARIFY or EXTEND");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
