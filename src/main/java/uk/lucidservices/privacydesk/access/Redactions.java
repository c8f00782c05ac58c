package uk.lucidservices.privacydesk.access;

import java.util.Map;

/** Decisions to apply to one category's records as they stream into the pack. */
final class Redactions {

    public static final String REDACTED = "[redacted]";

    private final Map<Long, Map<String, Decision>> byRecord;

    Redactions(Map<Long, Map<String, Decision>> byRecord) {
        this.byRecord = byRecord;
    }

    /**
     * A record of a person-level category that only the subject's account reached (another caller
     * on the line): disclosed only where the reviewer kept it, then as {@link #apply} discloses it.
     * Undecided, redacted or withheld, it stays out: it is somebody else's record.
     */
    public Map<String, Object> applyViaAccount(Map<String, Object> row) {
        Map<String, Decision> decisions = byRecord.get(((Number) row.get("id")).longValue());
        if (decisions == null || decisions.get(RedactionReview.VIA_ACCOUNT) != Decision.KEEP) {
            return null;
        }
        return apply(row);
    }

    /** The record as disclosed, or null when it is withheld. Changes the row in place. */
    public Map<String, Object> apply(Map<String, Object> row) {
        Map<String, Decision> decisions = byRecord.get(((Number) row.get("id")).longValue());
        if (decisions == null) {
            return row;
        }
        if (decisions.containsValue(Decision.WITHHOLD)) {
            return null;
        }
        decisions.forEach((field, decision) -> {
            if (decision == Decision.REDACT && row.containsKey(field)) {
                row.put(field, REDACTED);
            }
        });
        return row;
    }
}
