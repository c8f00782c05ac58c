package uk.lucidservices.privacydesk.records;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Complaints in the CRM that name an earlier request of the desk (a complaint about how it was
 * handled): while the complaint's own request is open, the earlier one's records are kept.
 */
@Repository
public class RelatedComplaints {

    /** A complaint logged as request {@code complaintReference} about request {@code relatedReference}. */
    public record Link(String complaintReference, String relatedReference) {}

    private final JdbcTemplate jdbc;

    public RelatedComplaints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Link> links() {
        return jdbc.query("""
                SELECT request_reference, related_reference FROM records.complaint
                WHERE request_reference IS NOT NULL AND related_reference IS NOT NULL""", (rs, i) -> new Link(rs.getString(1), rs.getString(2)));
    }
}
