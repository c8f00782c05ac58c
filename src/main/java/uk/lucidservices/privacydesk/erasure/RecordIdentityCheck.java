package uk.lucidservices.privacydesk.erasure;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Complete listener of the erasure request's identity task (form {@code erasure-confirm-identity}).
 * {@code identityDecision} must be CONFIRMED or ASK_FOR_ID, so a mistyped decision refuses the
 * completion instead of choosing a path. {@code erasureScope} (what the requester asked to have
 * erased; blank means ALL) is checked here, so an unknown scope is refused while the officer is
 * still on the form. Sets {@code identityCheckedBy} (the officer completing the task), which
 * {@code markIdentifiersVerified} records and the preview names as its preparer. A confirmation is
 * refused while an identifier the erasure would use is neither on the matched customer account nor
 * accepted by an officer.
 */
@Component("recordErasureIdentityCheck")
class RecordIdentityCheck implements TaskListener {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String ASK_FOR_ID = "ASK_FOR_ID";
    private static final Set<String> DECISIONS = Set.of(CONFIRMED, ASK_FOR_ID);

    private final ErasureSubjects subjects;
    private final ErasureScopes scopes;
    private final RequestRegister register;
    private final VerifiedIdentifiers identifiers;

    public RecordIdentityCheck(
            ErasureSubjects subjects, ErasureScopes scopes, RequestRegister register, VerifiedIdentifiers identifiers) {
        this.subjects = subjects;
        this.scopes = scopes;
        this.register = register;
        this.identifiers = identifiers;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = ProcessVariables.reference(task);
        String decision = ProcessVariables.text(task, "identityDecision");
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("Choose CONFIRMED or ASK_FOR_ID for the identity of " + reference);
        }
        String scope = ProcessVariables.text(task, "erasureScope");
        scopes.categories(scope); // throws, naming the valid scopes, on an unknown one
        if (CONFIRMED.equals(decision)) {
            subjects.request(reference);
            identifiers.assess(reference);
            identifiers.requireConfirmable(reference);
        }
        String officer = Actors.of(task);
        ProcessVariables.set(task, "identityDecision", decision);
        ProcessVariables.set(task, "erasureScope", scope == null ? ErasureScopes.ALL : scope);
        ProcessVariables.set(task, ProcessVariables.IDENTITY_CHECKED_BY, officer);
        if (ASK_FOR_ID.equals(decision)) {
            register.record(
                    subjects.request(reference).id(),
                    "ID_ASKED_FOR",
                    officer,
                    "Reasonable doubt about the requester's identity: ID asked for");
        }
    }
}
