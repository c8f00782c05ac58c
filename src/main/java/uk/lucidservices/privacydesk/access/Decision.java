package uk.lucidservices.privacydesk.access;

import java.util.Locale;

/** What happens to an item that identifies someone else: disclosed as is, blanked, or the whole record left out. */
public enum Decision {
    KEEP,
    REDACT,
    WITHHOLD;

    public static Decision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A decision is needed: KEEP, REDACT or WITHHOLD");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown decision '" + text.trim() + "': use KEEP, REDACT or WITHHOLD");
        }
    }
}
