package uk.lucidservices.privacydesk.complaint;

/** Which rules a complaint falls under. */
enum ComplaintCategory {
    /** Telecoms service or billing: Ofcom's complaints code, ADR at eight weeks or deadlock. */
    SERVICE_BILLING,
    /** Data protection: the statutory complaint duty; the final letter names the ICO. */
    DATA_PROTECTION,
    OTHER
}
