package uk.lucidservices.privacydesk.request;

import java.util.Locale;

/**
 * The language the desk writes to a requester in: English, or Welsh for a requester who wrote in
 * Welsh or asked staff for Welsh. Stored in the register as its ISO 639-1 code; letters in Welsh
 * come from the template set in {@code letters/cy/}.
 */
public enum Language {
    ENGLISH("en"),
    WELSH("cy");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: the register's value and the Welsh template folder's name. */
    public String code() {
        return code;
    }

    /** The language for a stored code; English for none (requests logged before languages were kept). */
    public static Language ofCode(String code) {
        if (code == null || code.isBlank()) {
            return ENGLISH;
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language code '" + code + "'");
    }
}
