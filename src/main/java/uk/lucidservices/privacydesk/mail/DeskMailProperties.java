package uk.lucidservices.privacydesk.mail;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound mail: who letters come from, where their templates live, and the desk settings
 * (controller name, ICO, ombudsman) that letters show as {@code {{desk.name}}}.
 *
 * @param from      the address letters come from and replies go to (the privacy mailbox)
 * @param fromName  the name shown beside it
 * @param staffFrom the address staff notices come from: not the privacy mailbox, so a colleague's
 *                  answer to a notice never lands in the intake as if a requester wrote
 * @param letters   template locations, first match wins, and the settings letters may use
 * @param embedded  the demo's own mail server; production refuses to start with it on
 */
@ConfigurationProperties("desk.mail")
public record DeskMailProperties(String from, String fromName, String staffFrom, Letters letters, Embedded embedded) {

    /**
     * Where letter templates come from, and what every letter can show.
     *
     * @param locations where letter templates are looked up, first match wins: an edited copy of a bundled
     *                  template in the first folder changes a letter without a build (DESK_LETTERS_DIR)
     * @param settings  values every letter can show as {@code {{desk.<name>}}}: the controller's name and
     *                  address, the privacy email, the postal address, the ICO's and the ADR scheme's details
     */
    public record Letters(List<String> locations, Map<String, String> settings) {
        public Letters {
            locations =
                    locations == null || locations.isEmpty() ? List.of("classpath:letters/") : List.copyOf(locations);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    public DeskMailProperties {
        if (letters == null) {
            letters = new Letters(null, null);
        }
        if (embedded == null) {
            embedded = new Embedded(false, 0, 0, null, null, null);
        }
        if (staffFrom == null || staffFrom.isBlank()) {
            staffFrom = from;
        }
    }

    /**
     * The embedded mail server (GreenMail) the demo sends to and reads from, on 127.0.0.1 only.
     *
     * @param enabled        start it (the demo profile does; production refuses to start with it)
     * @param smtpPort       its SMTP port
     * @param imapPort       its IMAP port
     * @param mailbox        the privacy mailbox it creates
     * @param otherMailboxes further mailboxes it creates with the same password, e.g. the published address
     *                       the intake also reads
     * @param password       the mailboxes' password (DESK_MAILBOX_PASSWORD)
     */
    public record Embedded(
            boolean enabled, int smtpPort, int imapPort, String mailbox, List<String> otherMailboxes, String password) {
        public Embedded {
            otherMailboxes = otherMailboxes == null ? List.of() : List.copyOf(otherMailboxes);
        }
    }

    /** The part after the @, used to make Message-IDs that are ours. */
    public String domain() {
        int at = from == null ? -1 : from.lastIndexOf('@');
        return at < 0 ? "privacy-desk.invalid" : from.substring(at + 1);
    }
}
