package uk.lucidservices.privacydesk.datamap;

/** What erasing a category does to a subject's rows. */
public enum ErasureAction {
    DELETE,
    ANONYMISE,
    KEEP
}
