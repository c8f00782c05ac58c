package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * A manager approves or refuses an erasure. Enforced here, whatever the process or form says:
 * the approver is a manager and is neither the preparer nor the reviewer of the preview, and no
 * clarification waits for the requester's answer (unanswered, it would close a request whose data
 * was erased).
 */
@Service
public class ErasureAuthorisation {

    private final ErasureSubjects subjects;
    private final ErasureCases cases;
    private final ErasureRunItems runItems;
    private final RequestRegister register;
    private final IdentityService identityService;

    public ErasureAuthorisation(
            ErasureSubjects subjects,
            ErasureCases cases,
            ErasureRunItems runItems,
            RequestRegister register,
            IdentityService identityService) {
        this.subjects = subjects;
        this.cases = cases;
        this.runItems = runItems;
        this.register = register;
        this.identityService = identityService;
    }

    /** Records the decision; the reason (required for a refusal) stays in the erasure record, not the audit trail. */
    @Transactional(noRollbackFor = SamePersonException.class)
    public ErasureCase authorise(String reference, String approverUserId, boolean approved, String reason) {
        if (approverUserId == null || approverUserId.isBlank()) {
            throw new IllegalArgumentException("Say which manager decided on the erasure of " + reference);
        }
        String approver = approverUserId.trim();
        Request request = subjects.request(reference);
        ErasureCase erasure = cases.get(reference);
        if (runItems.anyStarted(reference)) {
            throw new IllegalStateException(
                    "Erasure of " + reference + " has started: the decision can no longer change");
        }
        if (erasure.preparedBy() == null && erasure.reviewedBy() == null) {
            throw new ErasureAuthorisationException("Nobody is recorded as preparing or reviewing the preview of "
                    + reference + ", so four-eyes cannot be checked: prepare or review it first");
        }
        if (StaffIds.same(approver, erasure.preparedBy()) || StaffIds.same(approver, erasure.reviewedBy())) {
            register.record(
                    request.id(),
                    "ERASURE_SAME_PERSON_REFUSED",
                    approver,
                    "Decision refused: the approver prepared or reviewed the preview");
            throw new SamePersonException(reference);
        }
        if (identityService
                        .createUserQuery()
                        .userId(approver)
                        .memberOfGroup(DeskGroups.MANAGERS)
                        .count()
                == 0) {
            throw new ErasureAuthorisationException(
                    "Only a member of " + DeskGroups.MANAGERS + " can authorise an erasure");
        }
        if (!approved && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Give the reason for refusing the erasure of " + reference);
        }
        if (approved && (request.paused() || register.clarificationAsked(request.id()))) {
            // Unanswered, the question closes the request ("Close: no answer"): never after the data is gone.
            throw new ErasureAuthorisationException("A clarification of " + reference
                    + " waits for the requester's answer: authorise the erasure once it is answered");
        }
        String decision = approved ? ErasureCase.APPROVED : ErasureCase.REFUSED;
        cases.decided(reference, decision, approver, reason == null || reason.isBlank() ? null : reason.trim());
        register.record(
                request.id(),
                approved ? "ERASURE_APPROVED" : "ERASURE_REFUSED",
                approver,
                approved ? "Erasure approved by a manager other than the preparer and reviewer" : "Erasure refused");
        return cases.get(reference);
    }
}
