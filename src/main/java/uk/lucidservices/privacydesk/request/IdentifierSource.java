package uk.lucidservices.privacydesk.request;

/** Where a request's identifier came from; what is found in free text is only ever a suggestion. */
enum IdentifierSource {
    /** The address a mail came from. */
    SENDER_ADDRESS,
    /** A field an officer or the API filled in (a phone or letter request). */
    STRUCTURED_FIELD,
    /** A number or account found in a mail's text (signature, quoted text): anyone can write one. */
    FOUND_IN_TEXT
}
