package uk.lucidservices.privacydesk.retention;

/**
 * The conditions every sweep shares, as SQL over a request aliased {@code r} and an intake entry
 * aliased {@code l}, with {@code :cutoff} the latest event time that is past its period.
 */
final class DueSql {

    /**
     * A request that is closed, closed long enough ago, and that no open request still needs: a
     * complaint about it (records.complaint.related_reference) that is not closed yet holds it.
     */
    static final String CLOSED_AND_NOT_HELD = """
            (r.closed_at IS NOT NULL AND r.closed_at <= :cutoff AND %s)""".formatted(notHeld("r"));

    /**
     * A mail that joined no request: counted from when it was resolved (or read, if it needed no
     * one), never while it waits in triage.
     */
    static final String UNLINKED_MAIL = """
            (l.request_id IS NULL AND COALESCE(l.resolved_at, l.read_at) <= :cutoff
             AND NOT (l.outcome IN ('TRIAGE', 'QUARANTINED') AND l.resolved_at IS NULL))""";

    /** A mail whose request is past its period, or that joined none and is past it. */
    static final String MAIL_DUE = "((l.request_id IS NOT NULL AND " + CLOSED_AND_NOT_HELD + ") OR " + UNLINKED_MAIL + ")";

    private DueSql() {
    }

    static String notHeld(String request) {
        return """
                NOT EXISTS (SELECT 1 FROM records.complaint hc JOIN desk.request ho ON ho.reference = hc.request_reference
                            WHERE hc.related_reference = %s.reference AND ho.closed_at IS NULL)""".formatted(request);
    }

    /** The first {@code n} rows: a literal, as PostgreSQL and H2 both accept it here. */
    static String first(int n) {
        return " FETCH FIRST " + n + " ROWS ONLY";
    }
}
