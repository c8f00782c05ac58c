package uk.lucidservices.privacydesk.complaint;

/**
 * Where a complainant can go next, as the complaint's letters say it: Ofcom's ADR scheme, the ICO, or
 * neither. Decided from the category (which may not be set yet) and the CRM account's customer type.
 */
record ComplaintRights(boolean adrOffered, boolean icoNamed) {

    /** Process variable: the ADR scheme is named in the eight-week, deadlock and final letters. */
    static final String ADR_OFFERED = "adrOffered";
    /** Process variable: the ICO is named instead (a data-protection complaint). */
    static final String ICO_NAMED = "icoNamed";

    /**
     * A data-protection complaint names the ICO, never the ombudsman. A telecoms complaint, and one
     * nobody has categorised yet, names the ADR scheme when the customer may use it: domestic and
     * small-business customers (Ofcom GC C4), and a customer the CRM cannot place, whom the scheme
     * itself can turn away. Any other complaint names neither.
     */
    static ComplaintRights decide(ComplaintCategory category, CustomerType customer) {
        if (category == ComplaintCategory.DATA_PROTECTION) {
            return new ComplaintRights(false, true);
        }
        if (category == null || category == ComplaintCategory.SERVICE_BILLING) {
            return new ComplaintRights(customer == null || customer.adrEligible(), false);
        }
        return new ComplaintRights(false, false);
    }

    /** Whether the eight-week letter has anything to tell. */
    boolean anyToName() {
        return adrOffered || icoNamed;
    }
}
