package uk.lucidservices.privacydesk.intake;

/** What became of a mail. */
public enum IntakeOutcome {
    /** A new request was logged (and its process started). */
    STARTED,
    /** A reply was delivered to the request's waiting process. */
    CORRELATED,
    /** A privacy officer decides: unclassified, or a reply nobody was waiting for. */
    TRIAGE,
    /** Auto-reply, bounce, report or bulk mail: kept in the log, nothing started, no reply. */
    ROBOT,
    /** Unreadable, too large, no sender or from the desk itself: kept, with a triage task. */
    QUARANTINED,
    /** Seen before (same Message-ID or content): nothing done again. */
    DUPLICATE
}
