package uk.lucidservices.privacydesk.access;

import java.time.OffsetDateTime;

/** A row of {@code desk.disclosure_pack}: where the pack file is and where it is in its life. */
public record DisclosurePack(
        String id,
        String reference,
        String filePath,
        long sizeBytes,
        long recordCount,
        OffsetDateTime createdAt,
        String preparedBy,
        String approvedBy,
        OffsetDateTime approvedAt,
        String tokenHash,
        OffsetDateTime issuedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
