package uk.lucidservices.privacydesk.access;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.security.StaffIds;
import uk.lucidservices.privacydesk.sla.ExtendDeadline;

/**
 * Completion listener of {@code Task_ApproveExtension} (form {@code sar-approve-extension}, managers).
 * Reads {@code extensionDecision} = APPROVE | REFUSE and records it on the request; the gateway reads
 * {@code extensionApproved} (transient). On approval the completing manager becomes
 * {@code extensionApprovedBy} and the reason ({@code proposedExtensionReason}, as the officer wrote it
 * or the manager changed it) is handed to {@code extendDeadline} as {@code extensionReason} in the same
 * transaction only; that delegate stores it on the request. Either way the reason leaves the process.
 * An extension the rules refuse (first month over) fails the completion with why, and nothing is recorded.
 * Four eyes: whoever asked for the extension (at any stage, or by choosing the extension route in triage)
 * cannot approve it; the completion fails with why and the task waits for another manager.
 */
@Component("recordExtensionDecision")
class RecordExtensionDecisionListener implements TaskListener {

    public static final String DECISION = "extensionDecision";
    public static final String APPROVED = "extensionApproved";

    public enum ExtensionDecision {
        APPROVE,
        REFUSE
    }

    private final RequestRegister register;

    public RecordExtensionDecisionListener(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        ExtensionDecision decision = parse(ProcessVariables.text(task, DECISION));
        String userId = Actors.of(task);
        String reason = ProcessVariables.text(task, RecordTriageDecisionListener.PROPOSED_EXTENSION_REASON);
        long requestId = register.get(execution.getProcessBusinessKey()).id();
        boolean approved = decision == ExtensionDecision.APPROVE;
        if (approved && StaffIds.same(register.extensionAskedBy(requestId), userId)) {
            // Four eyes, as on the other approvals: checked before anything is recorded or cleared.
            throw new IllegalArgumentException("You asked for the extension of " + execution.getProcessBusinessKey()
                    + ": another manager must approve it");
        }
        // Decided: the next ask may go to a manager (an approved one is then refused as already extended).
        register.clearExtensionAsked(requestId);
        if (approved) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Give the reason for the extension: the requester is told it");
            }
            ProcessVariables.set(execution, ExtendDeadline.APPROVED_BY, userId);
            ProcessVariables.handOn(execution, ExtendDeadline.REASON, reason.strip());
            register.record(requestId, "EXTENSION_APPROVED", userId, "decision=APPROVE");
        } else {
            register.record(requestId, "EXTENSION_REFUSED", userId, "decision=REFUSE; back to triage");
        }
        ProcessVariables.forget(execution, DECISION);
        ProcessVariables.forget(execution, RecordTriageDecisionListener.PROPOSED_EXTENSION_REASON);
        ProcessVariables.handOn(execution, APPROVED, approved);
    }

    static ExtensionDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose APPROVE or REFUSE");
        }
        try {
            return ExtensionDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown decision '" + text.trim() + "': use APPROVE or REFUSE");
        }
    }
}
