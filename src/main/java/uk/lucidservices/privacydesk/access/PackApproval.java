package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Four eyes on every disclosure: the pack is approved by someone other than the officer who
 * prepared it or decided its redactions, and only an approved pack can be sent.
 */
@Service
class PackApproval {

    /** The officer who prepared the pack (answered the checklist or decided the redactions). */
    public static final String PREPARED_BY = "packPreparedBy";
    /** The second officer who approved it. */
    public static final String APPROVED_BY = "packApprovedBy";

    public static final String PACK_ID = "packId";

    private final DisclosurePacks packs;
    private final RedactionReview review;
    private final RequestRegister register;
    private final Clock clock;

    public PackApproval(DisclosurePacks packs, RedactionReview review, RequestRegister register, Clock clock) {
        this.packs = packs;
        this.review = review;
        this.register = register;
        this.clock = clock;
    }

    @Transactional
    public DisclosurePack approvePack(String reference, String approverUserId) {
        if (approverUserId == null || approverUserId.isBlank()) {
            throw new IllegalArgumentException("The approver of the pack for " + reference + " is not known");
        }
        DisclosurePack pack = packs.current(reference)
                .orElseThrow(
                        () -> new IllegalStateException("Request " + reference + " has no disclosure pack to approve"));
        if (StaffIds.same(approverUserId, pack.preparedBy())
                || StaffIds.anySame(review.deciders(reference), approverUserId)) {
            throw new SamePersonException(reference);
        }
        packs.approve(pack.id(), approverUserId, OffsetDateTime.now(clock));
        register.record(register.get(reference).id(), "PACK_APPROVED", approverUserId, "pack=" + pack.id());
        return packs.find(pack.id()).orElseThrow();
    }

    /** The approver prepared the pack or decided its redactions. */
    public static class SamePersonException extends IllegalStateException {
        public static final String ERROR_CODE = "SAME_PERSON";

        public SamePersonException(String reference) {
            super("The pack for " + reference + " must be approved by someone other than the officer who prepared "
                    + "it or decided its redactions");
        }
    }
}
