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
 */
@ConfigurationProperties("desk.mail")
public record DeskMailProperties(String from, String fromName, String staffFrom, Letters letters) {

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
        if (staffFrom == null || staffFrom.isBlank()) {
            staffFrom = from;
        }
    }

    /** The part after the @, used to make Message-IDs that are ours. */
    public String domain() {
        int at = from == null ? -1 : from.lastIndexOf('@');
        return at < 0 ? "privacy-desk.invalid" : from.substring(at + 1);
    }
}
