package uk.lucidservices.privacydesk.retention;

import java.util.Locale;

/**
 * The desk's own stores of personal data, each with the event its retention period counts from.
 * Mail in the mailbox's processed folder follows {@link #RAW_MAIL}: it is the same mail.
 */
public enum RetentionStore {
    RAW_MAIL(RetentionEvent.REQUEST_CLOSED),
    ID_DOCUMENTS(RetentionEvent.IDENTITY_DECIDED),
    REGISTER_PERSONAL_FIELDS(RetentionEvent.REQUEST_CLOSED),
    INTAKE_LOG(RetentionEvent.REQUEST_CLOSED),
    TRIAGE_NOTES(RetentionEvent.REQUEST_CLOSED),
    RIGHTS_DECISIONS(RetentionEvent.REQUEST_CLOSED),
    MANUAL_ANSWERS(RetentionEvent.REQUEST_CLOSED),
    PACKS(RetentionEvent.LINK_EXPIRED),
    SENT_LETTERS(RetentionEvent.REQUEST_CLOSED),
    CERTIFICATES(RetentionEvent.REQUEST_CLOSED),
    ERASURE_EVIDENCE(RetentionEvent.REQUEST_CLOSED),
    DOWNLOAD_LOG(RetentionEvent.LINK_EXPIRED);

    private final RetentionEvent countedFrom;

    RetentionStore(RetentionEvent countedFrom) {
        this.countedFrom = countedFrom;
    }

    /** The event this store's rows carry a date for; a schedule entry must name it. */
    public RetentionEvent countedFrom() {
        return countedFrom;
    }

    /** The name in configuration and in metrics: {@code raw-mail}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
