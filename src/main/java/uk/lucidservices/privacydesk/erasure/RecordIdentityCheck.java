package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.mail.IdentityCodeLetter;
import uk.lucidservices.privacydesk.request.IdentityChecks;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Complete listener of the erasure request's identity task (form {@code confirm-identity}).
 * {@code identityDecision} must be CONFIRMED or one of the proportionate checks (ASK_QUESTION,
 * SEND_CODE, ASK_FOR_ID for a document: see {@link IdentityChecks}), so a mistyped decision refuses
 * the completion instead of choosing a path. A confirmation after a code needs the code typed back
 * ({@code idCode}); recording the decision deletes any ID document at once. {@code erasureScope} (what the requester asked to have
 * erased; blank means ALL) is checked here, so an unknown scope is refused while the officer is
 * still on the form. Sets {@code identityCheckedBy} (the officer completing the task), which
 * {@code markIdentifiersVerified} records and the preview names as its preparer. A confirmation is
 * refused while an identifier the erasure would use is neither on the matched customer account nor
 * accepted by an officer.
 */
@Component("recordErasureIdentityCheck")
class RecordIdentityCheck implements TaskListener {

    public static final String CONFIRMED = "CONFIRMED";

    private final ErasureSubjects subjects;
    private final ErasureScopes scopes;
    private final VerifiedIdentifiers identifiers;
    private final IdentityChecks checks;
    private final IdentityCodeLetter codeLetter;

    public RecordIdentityCheck(
            ErasureSubjects subjects,
            ErasureScopes scopes,
            VerifiedIdentifiers identifiers,
            IdentityChecks checks,
            IdentityCodeLetter codeLetter) {
        this.subjects = subjects;
        this.scopes = scopes;
        this.identifiers = identifiers;
        this.checks = checks;
        this.codeLetter = codeLetter;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = ProcessVariables.reference(task);
        IdentityChecks.Decision decision = IdentityChecks.parse(ProcessVariables.text(task, IdentityChecks.DECISION));
        String question = ProcessVariables.text(task, IdentityChecks.QUESTION);
        String code = ProcessVariables.text(task, IdentityChecks.CODE);
        ProcessVariables.forget(task.getExecution(), IdentityChecks.QUESTION, IdentityChecks.CODE);
        String scope = ProcessVariables.text(task, "erasureScope");
        scopes.categories(scope); // throws, naming the valid scopes, on an unknown one
        String officer = Actors.of(task);
        if (decision == IdentityChecks.Decision.CONFIRMED) {
            subjects.request(reference);
            checks.requireCodeGivenBack(reference, code, officer);
            identifiers.assess(reference);
            identifiers.requireConfirmable(reference);
        }
        ProcessVariables.set(task, IdentityChecks.DECISION, decision.name());
        ProcessVariables.set(task, "erasureScope", scope == null ? ErasureScopes.ALL : scope);
        ProcessVariables.set(task, ProcessVariables.IDENTITY_CHECKED_BY, officer);
        checks.decided(reference, decision, officer);
        if (decision != IdentityChecks.Decision.CONFIRMED) {
            checks.ask(reference, decision, question, officer).ifPresent(c -> codeLetter.send(reference, c));
        }
    }
}
