package uk.lucidservices.privacydesk.request;

/** How a request reached Lucid. */
public enum Channel {
    EMAIL,
    PHONE,
    LETTER,
    IN_PERSON
}
