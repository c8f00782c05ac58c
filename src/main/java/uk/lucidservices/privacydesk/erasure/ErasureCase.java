package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;

/** An erasure request's own record: scope, who prepared, reviewed and decided it, and when each step ended. */
public record ErasureCase(
        String reference,
        String scope,
        String preparedBy,
        OffsetDateTime preparedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String decision,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        OffsetDateTime erasedAt,
        OffsetDateTime suppressedAt,
        OffsetDateTime verifiedAt) {

    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    public boolean approved() {
        return APPROVED.equals(decision);
    }

    public boolean refused() {
        return REFUSED.equals(decision);
    }
}
