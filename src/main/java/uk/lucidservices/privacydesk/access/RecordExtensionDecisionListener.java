package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.sla.ExtendDeadline;

import java.util.Locale;

/**
 * Completion listener of {@code Task_ApproveExtension} (form {@code sar-approve-extension}, managers).
 * Reads {@code extensionDecision} = APPROVE | REFUSE and records it on the request. On approval the
 * completing manager becomes {@code extensionApprovedBy} and {@code extensionReason} (required) is
 * handed to {@code extendDeadline} in the same transaction only, which stores it on the request; a
 * refusal takes the reason out of the process. If the extension is refused by the rules (first month
 * over), the completion fails with why and nothing is recorded.
 */
@Component("recordExtensionDecision")
public class RecordExtensionDecisionListener implements TaskListener {

    public static final String DECISION = "extensionDecision";

    public enum ExtensionDecision { APPROVE, REFUSE }

    private final RequestRegister register;
    private final IdentityService identityService;

    public RecordExtensionDecisionListener(RequestRegister register, IdentityService identityService) {
        this.register = register;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        ExtensionDecision decision = parse(FormVariables.text(task, DECISION));
        String userId = Actors.of(task, identityService);
        String reason = FormVariables.text(task, ExtendDeadline.REASON);
        long requestId = register.get(execution.getProcessBusinessKey()).id();
        StepValues.keepForThisStep(execution, DECISION, decision.name());
        if (decision == ExtensionDecision.APPROVE) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Give the reason for the extension: the requester is told it");
            }
            execution.setVariable(ExtendDeadline.APPROVED_BY, userId);
            StepValues.keepForThisStep(execution, ExtendDeadline.REASON, reason.strip());
            register.record(requestId, "EXTENSION_APPROVED", userId, "decision=APPROVE");
        } else {
            FormVariables.scrub(execution, ExtendDeadline.REASON);
            register.record(requestId, "EXTENSION_REFUSED", userId, "decision=REFUSE; back to triage");
        }
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
