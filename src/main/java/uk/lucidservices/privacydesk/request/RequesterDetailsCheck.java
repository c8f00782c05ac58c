package uk.lucidservices.privacydesk.request;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

/**
 * What a request logged by staff must carry: the requester's name and at least one identifier the
 * desk can use (an email address, a phone number that parses to E.164, an account number of the
 * company's form). Every identifier given must parse, so a typo is caught while the caller is still
 * on the line rather than becoming a request nobody can match or write to. Messages name the field
 * and never repeat its value.
 */
@Component
class RequesterDetailsCheck {

    private final PhoneNumbers phoneNumbers;
    private final Pattern accountNumber;

    RequesterDetailsCheck(PhoneNumbers phoneNumbers, AccountNumberFormat accountNumberFormat) {
        this.phoneNumbers = phoneNumbers;
        this.accountNumber = Pattern.compile(accountNumberFormat.pattern(), Pattern.CASE_INSENSITIVE);
    }

    /** The problems with the name and identifiers, one per bad field; empty when the request may be logged. */
    List<String> problems(String name, String email, String phone, String account, boolean emailAlreadyRefused) {
        List<String> problems = new ArrayList<>();
        if (blank(name)) {
            problems.add("name is required");
        }
        if (!blank(email) && !emailAlreadyRefused && !validEmail(email)) {
            problems.add("email is not a valid email address");
        }
        if (!blank(phone)) {
            PhoneNumbers.PhoneKey key = phoneNumbers.normalise(phone);
            if (!key.matchable()) {
                problems.add("phone is " + key.problem());
            }
        }
        if (!blank(account)) {
            if (!accountNumber.matcher(account.trim()).matches()) {
                problems.add(
                        "accountNumber does not have the form of our account numbers (desk.intake.account-number-pattern)");
            }
        }
        if (blank(email) && blank(phone) && blank(account)) {
            problems.add("Give at least one way to identify the requester: email, phone or account number");
        }
        return problems;
    }

    private static boolean validEmail(String email) {
        try {
            new InternetAddress(email.trim(), true).validate();
            return email.trim().indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
