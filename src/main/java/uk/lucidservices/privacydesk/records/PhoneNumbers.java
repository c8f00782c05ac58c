package uk.lucidservices.privacydesk.records;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts phone numbers in one form (E.164) so that "01632 960123", "+44 1632 960123",
 * "00441632960123" and "441632960123" match each other. A withheld or unparsable number
 * matches nothing, and the result says why (without repeating the number).
 */
public class PhoneNumbers {

    private static final Set<String> WITHHELD = Set.of(
            "withheld",
            "anonymous",
            "private",
            "unavailable",
            "unknown",
            "restricted",
            "number withheld",
            "not available");
    private static final Pattern NOT_A_DIGIT_OR_PLUS = Pattern.compile("[^0-9+]");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The result of normalising one number: an E.164 key, or the reason it cannot be matched. */
    public record PhoneKey(String e164, String problem) {
        public boolean matchable() {
            return e164 != null;
        }
    }

    public PhoneKey normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return new PhoneKey(null, "no number (empty)");
        }
        String trimmed = raw.trim();
        if (WITHHELD.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return new PhoneKey(null, "number withheld by the caller");
        }
        String digits = NOT_A_DIGIT_OR_PLUS.matcher(trimmed).replaceAll("");
        if (digits.replace("+", "").length() < 6) {
            return new PhoneKey(null, "too short to be a phone number");
        }
        try {
            PhoneNumber number = UTIL.parse(trimmed, defaultRegion);
            if (!UTIL.isPossibleNumber(number)) {
                number = retryWithoutPlus(digits).orElse(null);
                if (number == null) {
                    return new PhoneKey(null, "not a possible phone number");
                }
            }
            return new PhoneKey(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return new PhoneKey(
                    null, "not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** "441632960123": an international number written without its plus sign. */
    private Optional<PhoneNumber> retryWithoutPlus(String digits) {
        if (digits.startsWith("+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse("+" + digits, defaultRegion);
            return UTIL.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The matching key, or null when the number cannot be matched. */
    public String keyOrNull(String raw) {
        return normalise(raw).e164();
    }
}
