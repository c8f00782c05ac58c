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
 * @param automatedDecisionsCy   the same statement in the Welsh cover letter; the Welsh of the default goes with the
 *                               default, and a statement set in English alone stops start-up
 * @param internationalTransfersCy the same, for transfers
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

        @DefaultValue(AUTOMATED_DECISIONS) String automatedDecisions,
        @DefaultValue(INTERNATIONAL_TRANSFERS) String internationalTransfers,
        String automatedDecisionsCy,
        String internationalTransfersCy,

        @DefaultValue("chat-messages") String transcriptCategory,
        String downloadLogSecret,
        Period idWait) {

    static final String AUTOMATED_DECISIONS =
            "We do not make decisions about you by automated means alone, and we do not profile you.";
    static final String INTERNATIONAL_TRANSFERS = "We do not transfer your personal data outside the UK.";

    public AccessProperties {
        if (linkDays < 1) {
            throw new IllegalArgumentException("desk.access.link-days must be at least 1");
        }
        automatedDecisionsCy = welsh(
                "automated-decisions",
                automatedDecisions,
                automatedDecisionsCy,
                AUTOMATED_DECISIONS,
                "Nid ydym yn gwneud penderfyniadau amdanoch drwy ddulliau awtomataidd yn unig, ac nid ydym yn"
                        + " eich proffilio.");
        internationalTransfersCy = welsh(
                "international-transfers",
                internationalTransfers,
                internationalTransfersCy,
                INTERNATIONAL_TRANSFERS,
                "Nid ydym yn trosglwyddo eich data personol y tu allan i'r Deyrnas Unedig.");
    }

    /**
     * The Welsh counterpart of a cover-letter statement: as set, or the Welsh of the default while the
     * English is the default. A statement changed in English alone stops start-up: the desk cannot
     * translate it, and a Welsh letter must not say something else.
     */
    private static String welsh(String name, String english, String cy, String englishDefault, String cyDefault) {
        if (cy != null && !cy.isBlank()) {
            return cy;
        }
        if (english == null || english.isBlank()) {
            return english;
        }
        if (english.equals(englishDefault)) {
            return cyDefault;
        }
        throw new IllegalArgumentException(
                "desk.access." + name + " is set: set desk.access." + name + "-cy, its Welsh for Welsh letters");
    }

    /** The cover letter's Art. 15(1)(h) statement in the letter's language. */
    String automatedDecisions(boolean welsh) {
        return welsh ? automatedDecisionsCy : automatedDecisions;
    }

    /** The cover letter's Art. 15(2) statement in the letter's language. */
    String internationalTransfers(boolean welsh) {
        return welsh ? internationalTransfersCy : internationalTransfers;
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
