package uk.lucidservices.privacydesk.access;

import java.math.BigDecimal;
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
import uk.lucidservices.privacydesk.sla.ExtensionAsks;
import uk.lucidservices.privacydesk.sla.PauseClock;

/**
 * Completion listener of {@code Task_TriageRequest} (form {@code forms/sar-triage.html}). Reads
 * {@code triageDecision} = PROCEED | REFUSE | CLARIFY | EXTEND | FEE, records it on the request and hands
 * it to the gateway as {@code triageRoute} (transient). A refusal needs {@code refusalReason} and a
 * clarification {@code clarificationQuestion}: both are stored as triage notes and taken out of the
 * process (letters read them from the request). A clarification asked earlier by other means gives
 * its day in {@code clarificationAlreadyAskedOn}, handed to {@code pauseClock} as
 * {@code clarificationAskedOn}. An extension needs {@code proposedExtensionReason}, which stays for
 * the manager's approval and is taken out there; it is refused while another extension ask waits for a
 * manager ({@link ExtensionAsks#askFromTriage}). A fee needs {@code feeReason} and {@code feeAmount}
 * (pounds), both stored as triage notes for the fee letter. Anything missing stops the task from completing.
 */
@Component("recordTriageDecision")
class RecordTriageDecisionListener implements TaskListener {

    public static final String DECISION = "triageDecision";
    public static final String ROUTE = "triageRoute";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String CLARIFICATION_QUESTION = "clarificationQuestion";
    public static final String ALREADY_ASKED_ON = "clarificationAlreadyAskedOn";
    public static final String PROPOSED_EXTENSION_REASON = "proposedExtensionReason";
    /** With FEE: the reason (manifestly unfounded or excessive, or further copies), quoted in the fee letter. */
    public static final String FEE_REASON = "feeReason";
    /** With FEE: the fee in pounds, a reasonable one based on the administrative cost. */
    public static final String FEE_AMOUNT = "feeAmount";

    public enum TriageDecision {
        PROCEED,
        REFUSE,
        CLARIFY,
        EXTEND,
        /** Charge a reasonable fee (Art. 12(5)(a), Art. 15(3)); the clock starts when it is paid. */
        FEE
    }

    private final RequestRegister register;
    private final TriageNotes notes;
    private final ExtensionAsks extensionAsks;

    public RecordTriageDecisionListener(RequestRegister register, TriageNotes notes, ExtensionAsks extensionAsks) {
        this.register = register;
        this.notes = notes;
        this.extensionAsks = extensionAsks;
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
                // Refused while another extension ask waits for a manager: one approval task at a time.
                extensionAsks.askFromTriage(request, userId);
            }
            case FEE -> {
                String reason = ProcessVariables.text(task, FEE_REASON);
                if (blank(reason)) {
                    throw new IllegalArgumentException(
                            "Give the reason for the fee (a manifestly unfounded or excessive"
                                    + " request, or further copies): the fee letter quotes it");
                }
                String amount = amount(ProcessVariables.text(task, FEE_AMOUNT));
                notes.write(request.id(), TriageNotes.Kind.FEE_REASON, reason, userId);
                notes.write(request.id(), TriageNotes.Kind.FEE_AMOUNT, amount, userId);
            }
            case PROCEED -> {}
        }
        register.record(request.id(), "TRIAGE_DECISION", userId, "decision=" + decision);
        ProcessVariables.forget(execution, DECISION);
        ProcessVariables.forget(execution, REFUSAL_REASON);
        ProcessVariables.forget(execution, CLARIFICATION_QUESTION);
        ProcessVariables.forget(execution, ALREADY_ASKED_ON);
        ProcessVariables.forget(execution, FEE_REASON, FEE_AMOUNT);
        if (decision != TriageDecision.EXTEND) {
            ProcessVariables.forget(execution, PROPOSED_EXTENSION_REASON);
        }
        ProcessVariables.handOn(execution, ROUTE, decision.name());
    }

    static TriageDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose a decision: PROCEED, REFUSE, CLARIFY, EXTEND or FEE");
        }
        try {
            return TriageDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown decision '" + text.trim() + "': use PROCEED, REFUSE, CLARIFY, EXTEND or FEE");
        }
    }

    /** A fee in pounds and pence, more than nothing: "25", "25.5" and "£25.50" all become "25.00". */
    static String amount(String text) {
        if (blank(text)) {
            throw new IllegalArgumentException(
                    "Give the fee in pounds (a reasonable fee based on the administrative cost)");
        }
        try {
            BigDecimal pounds = new BigDecimal(text.trim().replace("£", "").replace(",", ""));
            if (pounds.signum() <= 0 || pounds.scale() > 2) {
                throw new NumberFormatException();
            }
            return pounds.setScale(2).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The fee must be an amount in pounds above nothing, such as 25.00");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
