package uk.lucidservices.privacydesk.request;

/** How a request reached Lucid. */
public enum Channel {
    EMAIL,
    PHONE,
    LETTER,
    IN_PERSON,
    /** Opened by the desk itself, such as the relationship-end sweep's erasure of a closed account. */
    INTERNAL
}
