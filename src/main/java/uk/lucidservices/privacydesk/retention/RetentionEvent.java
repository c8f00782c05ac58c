package uk.lucidservices.privacydesk.retention;

/** The moment a retention period is counted from. */
public enum RetentionEvent {
    /** The request was closed (register {@code closed_at}). */
    REQUEST_CLOSED,
    /** An officer decided the requester's identity (the register's first IDENTITY_VERIFIED event). */
    IDENTITY_DECIDED,
    /** The disclosure pack's download link expired. */
    LINK_EXPIRED
}
