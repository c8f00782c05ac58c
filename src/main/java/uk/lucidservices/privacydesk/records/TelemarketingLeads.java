package uk.lucidservices.privacydesk.records;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The telemarketing dialler's leads (a company system, modelled in the {@code records} schema).
 * The telemarketing feature decides which leads may be imported and called; this only stores and
 * reads them, and keeps their matching keys (lower-case email, E.164 number).
 */
@Repository
public class TelemarketingLeads {

    /** A lead to store, with its consent evidence as the data provider gave it. */
    public record NewLead(
            String source,
            String name,
            String company,
            String email,
            String phone,
            boolean consent,
            LocalDate consentOn,
            String tpsStatus,
            LocalDate tpsCheckedOn,
            LocalDate importedOn,
            String consentSource,
            String consentWording,
            boolean consentNamesLucid) {}

    /** A lead with a number, as the dial list weighs it: its keys, latest screening and flags. */
    public record DialCandidate(
            long id,
            String phone,
            String phoneKey,
            String emailKey,
            LocalDate lastScreened,
            String tpsStatus,
            boolean doNotCall,
            boolean namesLucid) {}

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;

    public TelemarketingLeads(JdbcTemplate jdbc, PhoneNumbers phoneNumbers) {
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
    }

    /** Stores the lead; returns its id. */
    public long insert(NewLead lead) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO records.tm_lead (source, name, company, email, email_key, phone, phone_key, consent,
                        consent_on, tps_status, tps_checked_on, imported_on, consent_source, consent_wording,
                        consent_names_lucid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, lead.source());
                    ps.setString(2, lead.name());
                    ps.setString(3, lead.company());
                    ps.setString(4, lead.email());
                    ps.setString(5, Emails.key(lead.email()));
                    ps.setString(6, lead.phone());
                    ps.setString(7, phoneNumbers.keyOrNull(lead.phone()));
                    ps.setBoolean(8, lead.consent());
                    ps.setObject(9, lead.consentOn());
                    ps.setString(10, lead.tpsStatus());
                    ps.setObject(11, lead.tpsCheckedOn());
                    ps.setObject(12, lead.importedOn());
                    ps.setString(13, lead.consentSource());
                    ps.setString(14, lead.consentWording());
                    ps.setBoolean(15, lead.consentNamesLucid());
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /** The leads with a number from {@code source} (every source when null), by id. */
    public List<DialCandidate> withNumber(String source) {
        return jdbc.query(
                """
                SELECT l.id, l.phone, l.phone_key, l.email_key, l.tps_status, l.do_not_call, l.consent_names_lucid,
                       (SELECT MAX(s.screened_on) FROM records.tm_lead_screening s WHERE s.lead_id = l.id) AS last_screened
                FROM records.tm_lead l WHERE l.phone_key IS NOT NULL""" + (source == null ? "" : " AND l.source = ?") + " ORDER BY l.id",
                (rs, i) -> new DialCandidate(
                        rs.getLong("id"),
                        rs.getString("phone"),
                        rs.getString("phone_key"),
                        rs.getString("email_key"),
                        rs.getObject("last_screened", LocalDate.class),
                        rs.getString("tps_status"),
                        rs.getBoolean("do_not_call"),
                        rs.getBoolean("consent_names_lucid")),
                source == null ? new Object[0] : new Object[] {source});
    }

    /** How many leads came from {@code source}. */
    public int countFrom(String source) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM records.tm_lead WHERE source = ?", Integer.class, source);
        return n == null ? 0 : n;
    }
}
