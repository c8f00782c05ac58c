package uk.lucidservices.privacydesk.datamap;

/** The kinds of identifier a category can be searched by. */
public enum IdentityKey {
    EMAIL,
    PHONE,
    ACCOUNT
}
