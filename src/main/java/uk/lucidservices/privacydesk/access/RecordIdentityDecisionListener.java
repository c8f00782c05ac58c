package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.mail.IdentityCodeLetter;
import uk.lucidservices.privacydesk.request.IdentityChecks;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Completion listener of the identity tasks ({@code Task_ConfirmIdentity}, {@code Task_CheckIdDocument};
 * form field {@code identityDecision} = CONFIRMED | ASK_QUESTION | SEND_CODE | ASK_FOR_ID, see
 * {@link IdentityChecks}). Records the decision and who made it on the request and, when confirmed,
 * sets {@code identityCheckedBy}, which {@code markIdentifiersVerified} names as the actor. The
 * gateway that follows reads {@code identityConfirmed} (transient). A missing or unknown decision
 * stops the task from completing, and so does a confirmation while an identifier the search would use
 * is neither on the matched customer account nor accepted by an officer, or while the check was a
 * code and the code typed back ({@code idCode}) is not the one sent. Recording the decision deletes
 * the ID documents at once; asking by code mails the code to the address on record at once.
 */
@Component("recordIdentityDecision")
class RecordIdentityDecisionListener implements TaskListener {

    public static final String DECISION = IdentityChecks.DECISION;
    public static final String CONFIRMED = "identityConfirmed";

    private final RequestRegister register;
    private final VerifiedIdentifiers identifiers;
    private final IdentityChecks checks;
    private final IdentityCodeLetter codeLetter;

    public RecordIdentityDecisionListener(
            RequestRegister register,
            VerifiedIdentifiers identifiers,
            IdentityChecks checks,
            IdentityCodeLetter codeLetter) {
        this.register = register;
        this.identifiers = identifiers;
        this.checks = checks;
        this.codeLetter = codeLetter;
    }

    @Override
    public void notify(DelegateTask task) {
        IdentityChecks.Decision decision = IdentityChecks.parse(ProcessVariables.text(task, DECISION));
        String question = ProcessVariables.text(task, IdentityChecks.QUESTION);
        String code = ProcessVariables.text(task, IdentityChecks.CODE);
        ProcessVariables.forget(task.getExecution(), DECISION, IdentityChecks.QUESTION, IdentityChecks.CODE);
        String userId = Actors.of(task);
        String reference = task.getExecution().getProcessBusinessKey();
        boolean confirmed = decision == IdentityChecks.Decision.CONFIRMED;
        if (confirmed) {
            checks.requireCodeGivenBack(reference, code, userId);
            // Matched again now: the officer may have accepted or rejected identifiers since the request arrived.
            identifiers.assess(reference);
            identifiers.requireConfirmable(reference);
        }
        register.record(
                register.get(reference).id(),
                "IDENTITY_CHECKED",
                userId,
                "decision=" + decision + "; step=" + task.getTaskDefinitionKey());
        checks.decided(reference, decision, userId);
        if (!confirmed) {
            checks.ask(reference, decision, question, userId).ifPresent(c -> codeLetter.send(reference, c));
        }
        ProcessVariables.handOn(task.getExecution(), CONFIRMED, confirmed);
        if (confirmed) {
            ProcessVariables.set(task.getExecution(), ProcessVariables.IDENTITY_CHECKED_BY, userId);
        }
    }
}
