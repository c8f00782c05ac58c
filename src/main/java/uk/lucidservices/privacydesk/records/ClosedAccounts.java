package uk.lucidservices.privacydesk.records;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Customer accounts whose relationship has ended (CRM status {@code CLOSED} with a closing date),
 * for the relationship-end sweep. An account whose holder, by email or phone, is still on another
 * account that is not closed is left out: that person's relationship with Lucid has not ended.
 */
@Repository
public class ClosedAccounts {

    /** The account and its holder's contact details as the CRM holds them; never logged. */
    public record ClosedAccount(String accountNumber, String email, String phone, LocalDate closedOn) {}

    private final JdbcTemplate jdbc;

    public ClosedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Accounts closed on or before {@code day}, oldest first. */
    public List<ClosedAccount> closedOnOrBefore(LocalDate day) {
        return jdbc.query(
                """
                SELECT a.account_number, a.email, a.phone, a.closed_on FROM records.crm_account a
                WHERE a.status = 'CLOSED' AND a.closed_on IS NOT NULL AND a.closed_on <= ?
                  AND NOT EXISTS (SELECT 1 FROM records.crm_account o WHERE o.id <> a.id AND o.status <> 'CLOSED'
                      AND (o.email_key = a.email_key OR o.phone_key = a.phone_key))
                ORDER BY a.closed_on, a.account_number""",
                (rs, i) -> new ClosedAccount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                day);
    }

    /**
     * Whether a complaint about the account is still open, or referred to the ADR scheme: its call
     * recordings may be needed to establish or defend a legal claim.
     */
    public boolean hasOpenComplaintOrAdrCase(String accountNumber) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM records.complaint c JOIN records.crm_account a ON a.id = c.account_id
                WHERE a.account_number = ? AND c.status <> 'CLOSED'""", Integer.class, accountNumber);
        return n != null && n > 0;
    }
}
