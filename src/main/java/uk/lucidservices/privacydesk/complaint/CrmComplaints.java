package uk.lucidservices.privacydesk.complaint;

import java.util.Optional;

/**
 * Where complaints are recorded: the CRM, against the customer's account. The bundled
 * implementation writes the {@code records} schema; a real CRM can replace it.
 */
interface CrmComplaints {

    /** Records a new complaint from the register's request; returns the complaint's id. */
    long record(String requestReference);

    /** The CRM account the complaint is recorded against, if it could be matched. */
    Optional<Long> accountOf(long complaintId);

    void categorise(long complaintId, ComplaintCategory category, String relatedReference);

    /** Links an unmatched complaint to an account by its number; false when no such account. */
    boolean linkAccount(long complaintId, String accountNumber);

    /**
     * What the account the complaint is recorded against says the customer is; empty when the
     * complaint is unmatched or the CRM does not record it.
     */
    Optional<CustomerType> customerTypeOf(long complaintId);

    /** Records the handler's resolution and outcome text (for the final letter) while the complaint is open. */
    void recordOutcome(long complaintId, String resolution, String outcome);

    /** The outcome text the handler recorded, if any. */
    Optional<String> outcomeOf(long complaintId);

    /** Closes the complaint with its resolution; the outcome text recorded earlier stays. */
    void close(long complaintId, String resolution);
}
