package uk.lucidservices.privacydesk.erasure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Imports a lead bought from a third-party list into the telemarketing dialler, refusing anyone
 * on the suppression list: a person who had their data erased is not called again because a list
 * broker still has them.
 */
@Service
class TelemarketingImport {

    private final JdbcTemplate jdbc;
    private final SuppressionList suppression;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public TelemarketingImport(JdbcTemplate jdbc, SuppressionList suppression, PhoneNumbers phoneNumbers, Clock clock) {
        this.jdbc = jdbc;
        this.suppression = suppression;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /** A lead as a data provider supplies it. {@code tpsStatus} defaults to UNCHECKED. */
    public record Lead(String source, String name, String company, String email, String phone, boolean consent,
                       LocalDate consentOn, String tpsStatus, LocalDate tpsCheckedOn) {
    }

    /** Imported with the new lead's id, or refused with a reason that repeats no contact detail. */
    public record Result(boolean imported, Long leadId, String refusal) {
        static Result refused(String why) {
            return new Result(false, null, why);
        }
    }

    @Transactional
    public Result importLead(Lead lead) {
        if (lead.source() == null || lead.source().isBlank()) {
            throw new IllegalArgumentException("A lead needs its source (the data provider)");
        }
        if (suppression.isSuppressedPhone(lead.phone())) {
            return Result.refused("Refused: the phone number is on the marketing suppression list");
        }
        if (suppression.isSuppressedEmail(lead.email())) {
            return Result.refused("Refused: the email address is on the marketing suppression list");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO records.tm_lead (source, name, company, email, email_key, phone, phone_key, consent,
                        consent_on, tps_status, tps_checked_on, imported_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    new String[]{"id"});
            ps.setString(1, lead.source());
            ps.setString(2, lead.name());
            ps.setString(3, lead.company());
            ps.setString(4, lead.email());
            ps.setString(5, Emails.key(lead.email()));
            ps.setString(6, lead.phone());
            ps.setString(7, phoneNumbers.keyOrNull(lead.phone()));
            ps.setBoolean(8, lead.consent());
            ps.setObject(9, lead.consentOn());
            ps.setString(10, lead.tpsStatus() == null ? "UNCHECKED" : lead.tpsStatus());
            ps.setObject(11, lead.tpsCheckedOn());
            ps.setObject(12, LocalDate.now(clock));
            return ps;
        }, key);
        return new Result(true, key.getKey().longValue(), null);
    }
}
