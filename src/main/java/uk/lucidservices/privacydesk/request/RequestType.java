package uk.lucidservices.privacydesk.request;

import uk.lucidservices.privacydesk.security.DeskGroups;

/** The kinds of request the desk handles, with their reference prefix and process key. */
public enum RequestType {
    SUBJECT_ACCESS("SAR", "subject-access-request"),
    ERASURE("ERA", "erasure-request"),
    COMPLAINT("CMP", "complaint"),
    /** An objection to direct marketing (UK GDPR Art. 21(3), PECR reg. 21): absolute, no ID needed. */
    OBJECTION("OBJ", "marketing-objection"),
    /** A request that Lucid stop recording the person's calls. */
    DO_NOT_RECORD("DNR", "do-not-record"),
    /** A copy of one live-chat transcript, sent only to the address recorded in that chat; otherwise a SAR. */
    TRANSCRIPT_COPY("TRC", "transcript-copy");

    private final String prefix;
    private final String processKey;

    RequestType(String prefix, String processKey) {
        this.prefix = prefix;
        this.processKey = processKey;
    }

    public String prefix() {
        return prefix;
    }

    public String processKey() {
        return processKey;
    }

    /** The group that works this kind of request (managers see every kind). */
    public String team() {
        return this == COMPLAINT ? DeskGroups.COMPLAINT_HANDLERS : DeskGroups.PRIVACY_OFFICERS;
    }

    /**
     * Objections the desk acts on by the next working day, on the identifiers given and without an
     * identity check; the statutory month stays the outer limit.
     */
    public boolean actedOnByNextWorkingDay() {
        return this == OBJECTION || this == DO_NOT_RECORD;
    }

    public static RequestType fromReference(String reference) {
        for (RequestType type : values()) {
            if (reference != null && reference.startsWith(type.prefix + "-")) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a request reference");
    }
}
