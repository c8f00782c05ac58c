package uk.lucidservices.privacydesk.request;

/** Where a request's identifier stands; only CONFIRMED ones are searched or written to. */
public enum IdentifierState {
    /** Found in text: never searched or verified until an officer accepts it. */
    SUGGESTED,
    /** Given by the requester but on no single customer account: an officer accepts or rejects it. */
    UNMATCHED,
    /** On the customer account the request matched; confirming the identity confirms it. */
    MATCHED,
    /** Accepted by an officer: searched, and (for an email on record or proven) sent to. */
    CONFIRMED,
    /** Refused by an officer: never used. */
    REJECTED
}
