package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;

/**
 * What erasure did to one category, summed over every pass. A category with {@code completedAt}
 * is finished and a retry skips it; verification reopens it when it finds something left.
 */
record ErasureRunItem(
        String categoryId,
        String system,
        long deleted,
        long anonymised,
        long filesDeleted,
        int passes,
        OffsetDateTime completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    public boolean erasedSomething() {
        return deleted + anonymised > 0;
    }
}
