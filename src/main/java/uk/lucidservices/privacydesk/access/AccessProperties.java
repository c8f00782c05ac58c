package uk.lucidservices.privacydesk.access;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for subject access requests ({@code desk.access.*}).
 *
 * @param linkDays               days a download link stays valid; the pack file is deleted when it expires
 * @param privacyMailbox         where a requester writes to ask again; named in letters and on the expired-link page
 * @param expiry                 the job that deletes expired packs
 * @param automatedDecisions     the cover letter's statement on automated decision-making (Art. 15(1)(h))
 * @param internationalTransfers the cover letter's statement on transfers outside the UK (Art. 15(2))
 * @param transcriptCategory     the data-map category whose rows are chat messages, written out as transcripts
 * @param downloadLogSecret      key of the HMAC that pseudonymises download IP addresses (see {@link DownloadLogPseudonyms})
 * @param idWait                 how long the desk waits for ID it asked for before closing the request (ISO 8601
 *                               period, to the end of that UK day; must be positive); DESK_ACCESS_ID_WAIT
 */
@ConfigurationProperties("desk.access")
record AccessProperties(
        @DefaultValue("14") int linkDays,
        @DefaultValue("privacy@lucidservices.uk") String privacyMailbox,
        @DefaultValue Expiry expiry,

        @DefaultValue("We do not make decisions about you by automated means alone, and we do not profile you.")
        String automatedDecisions,

        @DefaultValue("We do not transfer your personal data outside the UK.")
        String internationalTransfers,

        @DefaultValue("chat-messages") String transcriptCategory,
        String downloadLogSecret,
        Period idWait) {

    public AccessProperties {
        if (linkDays < 1) {
            throw new IllegalArgumentException("desk.access.link-days must be at least 1");
        }
    }

    /**
     * The job that deletes expired packs.
     *
     * @param enabled  whether the scheduled job runs
     * @param interval how often it looks for expired packs
     */
    public record Expiry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT1H") Duration interval) {}
}
