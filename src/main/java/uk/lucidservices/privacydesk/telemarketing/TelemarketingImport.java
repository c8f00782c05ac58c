package uk.lucidservices.privacydesk.telemarketing;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.LeadScreening;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.TelemarketingLeads;
import uk.lucidservices.privacydesk.records.TelemarketingLeads.NewLead;

/**
 * Imports a lead bought from a third-party list into the telemarketing dialler, refusing anyone
 * on the suppression list (a person who had their data erased, or objected to marketing, is not
 * called again because a list broker still has them), keeping the provider's consent evidence,
 * and screening the number against TPS and CTPS at once.
 */
@Service
public class TelemarketingImport {

    private final TelemarketingLeads leads;
    private final SuppressionList suppression;
    private final LeadScreening screening;
    private final Clock clock;

    public TelemarketingImport(
            TelemarketingLeads leads, SuppressionList suppression, LeadScreening screening, Clock clock) {
        this.leads = leads;
        this.suppression = suppression;
        this.screening = screening;
        this.clock = clock;
    }

    /**
     * What the data provider says about consent: where and when it was collected, the words the
     * person agreed to, and whether those words named Lucid. Consent that did not name Lucid is no
     * consent to Lucid's calls (ICO guidance on indirect consent): the lead is not callable.
     */
    public record ConsentEvidence(String source, LocalDate collectedOn, String wording, boolean namedLucid) {
        static final ConsentEvidence NONE = new ConsentEvidence(null, null, null, false);
    }

    /** A lead as a data provider supplies it. {@code tpsStatus} defaults to UNCHECKED until screened. */
    public record Lead(
            String source,
            String name,
            String company,
            String email,
            String phone,
            boolean consent,
            LocalDate consentOn,
            String tpsStatus,
            LocalDate tpsCheckedOn,
            ConsentEvidence evidence) {

        public Lead(
                String source,
                String name,
                String company,
                String email,
                String phone,
                boolean consent,
                LocalDate consentOn,
                String tpsStatus,
                LocalDate tpsCheckedOn) {
            this(
                    source,
                    name,
                    company,
                    email,
                    phone,
                    consent,
                    consentOn,
                    tpsStatus,
                    tpsCheckedOn,
                    ConsentEvidence.NONE);
        }
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
        ConsentEvidence evidence = lead.evidence() == null ? ConsentEvidence.NONE : lead.evidence();
        long id = leads.insert(new NewLead(
                lead.source(),
                lead.name(),
                lead.company(),
                lead.email(),
                lead.phone(),
                lead.consent(),
                evidence.collectedOn() != null ? evidence.collectedOn() : lead.consentOn(),
                lead.tpsStatus() == null ? "UNCHECKED" : lead.tpsStatus(),
                lead.tpsCheckedOn(),
                LocalDate.now(clock),
                evidence.source(),
                evidence.wording(),
                lead.consent() && evidence.namedLucid()));
        // A provider's own screening date proves nothing about today's registers: the desk screens every lead itself.
        screening.screenLead(id);
        return new Result(true, id, null);
    }
}
