package uk.lucidservices.privacydesk.access;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Completion listener of the identity tasks ({@code Task_ConfirmIdentity}, {@code Task_CheckIdDocument};
 * form field {@code identityDecision} = CONFIRMED | ASK_FOR_ID). Records the decision and who made it
 * on the request and, when confirmed, sets {@code identityCheckedBy}, which {@code markIdentifiersVerified}
 * names as the actor. The gateway that follows reads {@code identityConfirmed} (transient). A missing
 * or unknown decision stops the task from completing, and so does a confirmation while an identifier
 * the search would use is neither on the matched customer account nor accepted by an officer.
 */
@Component("recordIdentityDecision")
class RecordIdentityDecisionListener implements TaskListener {

    public static final String DECISION = "identityDecision";
    public static final String CONFIRMED = "identityConfirmed";

    public enum IdentityDecision {
        CONFIRMED,
        ASK_FOR_ID
    }

    private final RequestRegister register;
    private final VerifiedIdentifiers identifiers;

    public RecordIdentityDecisionListener(RequestRegister register, VerifiedIdentifiers identifiers) {
        this.register = register;
        this.identifiers = identifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        IdentityDecision decision = parse(ProcessVariables.text(task, DECISION));
        String userId = Actors.of(task);
        String reference = task.getExecution().getProcessBusinessKey();
        if (decision == IdentityDecision.CONFIRMED) {
            // Matched again now: the officer may have accepted or rejected identifiers since the request arrived.
            identifiers.assess(reference);
            identifiers.requireConfirmable(reference);
        }
        register.record(
                register.get(reference).id(),
                "IDENTITY_CHECKED",
                userId,
                "decision=" + decision + "; step=" + task.getTaskDefinitionKey());
        ProcessVariables.forget(task.getExecution(), DECISION);
        ProcessVariables.handOn(task.getExecution(), CONFIRMED, decision == IdentityDecision.CONFIRMED);
        if (decision == IdentityDecision.CONFIRMED) {
            ProcessVariables.set(task.getExecution(), ProcessVariables.IDENTITY_CHECKED_BY, userId);
        }
    }

    static IdentityDecision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "Say whether the identity is confirmed (CONFIRMED) or ID must be asked for (ASK_FOR_ID)");
        }
        try {
            return IdentityDecision.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown identity decision '" + text.trim() + "': use CONFIRMED or ASK_FOR_ID");
        }
    }
}
