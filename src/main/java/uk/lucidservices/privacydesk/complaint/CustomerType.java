package uk.lucidservices.privacydesk.complaint;

/** What the CRM account says the customer is: Ofcom's ADR right is for domestic and small-business customers. */
enum CustomerType {
    DOMESTIC,
    SMALL_BUSINESS,
    BUSINESS;

    boolean adrEligible() {
        return this != BUSINESS;
    }
}
