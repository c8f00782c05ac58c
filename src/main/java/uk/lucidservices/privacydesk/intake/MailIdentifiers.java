package uk.lucidservices.privacydesk.intake;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the identifiers a person puts in a mail besides their address and name: phone numbers
 * however written (each becomes an identifier of the request) and an account number.
 */
class MailIdentifiers {

    private static final int MAX_PHONES = 5;
    /** Shorter digit runs are reference numbers, account numbers or amounts far more often than phones. */
    private static final int MIN_NATIONAL_DIGITS = 9;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String region;
    private final Pattern accountNumber;

    public MailIdentifiers(String region, String accountNumberPattern) {
        this.region = region;
        this.accountNumber = accountNumberPattern == null || accountNumberPattern.isBlank()
                ? null
                : Pattern.compile(accountNumberPattern, Pattern.CASE_INSENSITIVE);
    }

    /** Phone numbers as the person wrote them, one per distinct number, in the order written. */
    public List<String> phones(String subject, String body) {
        String text = (subject == null ? "" : subject) + "\n" + MailText.withoutQuotes(body == null ? "" : body);
        Map<String, String> found = new LinkedHashMap<>();
        // "Possible" rather than "valid", as PhoneNumbers matches: a number here is a key to search the
        // company's systems by, and Ofcom's drama ranges (used in demo data) are possible but not "valid".
        for (PhoneNumberMatch match :
                PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (String.valueOf(match.number().getNationalNumber()).length() < MIN_NATIONAL_DIGITS) {
                continue;
            }
            String e164 = PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
            found.putIfAbsent(e164, match.rawString().trim());
            if (found.size() == MAX_PHONES) {
                break;
            }
        }
        return new ArrayList<>(found.values());
    }

    public Optional<String> accountNumber(String subject, String body) {
        if (accountNumber == null) {
            return Optional.empty();
        }
        Matcher m = accountNumber.matcher(
                (subject == null ? "" : subject) + "\n" + MailText.withoutQuotes(body == null ? "" : body));
        return m.find() ? Optional.of(m.group().toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
