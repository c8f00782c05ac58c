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
    TRANSCRIPT_COPY("TRC", "transcript-copy"),
    /** Rectification of inaccurate or incomplete data (UK GDPR Art. 16). */
    RECTIFICATION("REC", RequestType.RIGHTS_PROCESS),
    /** Restriction of processing (Art. 18): a flag on the person's records until a later decision lifts it. */
    RESTRICTION("RES", RequestType.RIGHTS_PROCESS),
    /** Data portability (Art. 20): the data the person provided, in JSON and CSV. */
    PORTABILITY("POR", RequestType.RIGHTS_PROCESS),
    /** Objection to processing on legitimate interests or public task (Art. 21(1)); not direct marketing. */
    PROCESSING_OBJECTION("OBP", RequestType.RIGHTS_PROCESS);

    /** The one process for rectification, restriction, portability and Art. 21(1) objection. */
    public static final String RIGHTS_PROCESS = "rights-request";

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

    /** Requests with an identity step (confirm the requester, or ask for ID) before anything is done. */
    public boolean identityChecked() {
        return this == SUBJECT_ACCESS || this == ERASURE || RIGHTS_PROCESS.equals(processKey);
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
