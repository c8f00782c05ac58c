package uk.lucidservices.privacydesk.records;

import java.util.Locale;

/** Emails match case-insensitively after trimming; this is their matching key. */
public final class Emails {

    private Emails() {}

    public static String key(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        if (trimmed.isEmpty() || trimmed.indexOf('@') < 1) {
            return null;
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
