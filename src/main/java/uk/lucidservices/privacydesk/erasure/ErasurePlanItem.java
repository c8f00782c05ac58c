package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import uk.lucidservices.privacydesk.datamap.ErasureAction;

/**
 * One line of the preview: what erasure does to a data-map category for this person and, for
 * anything kept, why. {@code recordCount} is null for a manual system the desk cannot search.
 * {@code markedBy} names the officer who decided to keep it (Art. 17(3)); null when the data map decided.
 */
record ErasurePlanItem(
        int order,
        String categoryId,
        String system,
        ErasureAction action,
        boolean inScope,
        boolean manual,
        Long recordCount,
        String keepReason,
        String markedBy,
        OffsetDateTime markedAt) {

    /** Whether the desk erases this category itself. */
    public boolean toErase() {
        return inScope && !manual && action != ErasureAction.KEEP;
    }

    /** A manual system that staff must erase by hand. */
    public boolean toEraseByHand() {
        return inScope && manual && action != ErasureAction.KEEP;
    }
}
