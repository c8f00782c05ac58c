package uk.lucidservices.privacydesk.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Turns identifiers as people write them into the matching keys the record sources use. */
@Component
public class SubjectResolver {

    private final PhoneNumbers phoneNumbers;

    public SubjectResolver(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public Subject resolve(Collection<String> emails, Collection<String> phones, Collection<String> accountNumbers) {
        Set<String> emailKeys = new LinkedHashSet<>();
        Set<String> phoneKeys = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        List<String> unmatchable = new ArrayList<>();
        int n = 0;
        for (String email : emails) {
            n++;
            String key = Emails.key(email);
            if (key == null) {
                unmatchable.add("email identifier " + n + ": not an email address");
            } else {
                emailKeys.add(key);
            }
        }
        n = 0;
        for (String phone : phones) {
            n++;
            PhoneNumbers.PhoneKey key = phoneNumbers.normalise(phone);
            if (key.matchable()) {
                phoneKeys.add(key.e164());
            } else {
                unmatchable.add("phone identifier " + n + ": " + key.problem());
            }
        }
        for (String account : accountNumbers) {
            if (account != null && !account.isBlank()) {
                accounts.add(account.trim().toUpperCase(Locale.ROOT));
            }
        }
        return new Subject(
                Set.copyOf(emailKeys), Set.copyOf(phoneKeys), Set.copyOf(accounts), List.copyOf(unmatchable));
    }
}
