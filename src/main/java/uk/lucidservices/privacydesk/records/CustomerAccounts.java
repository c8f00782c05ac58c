package uk.lucidservices.privacydesk.records;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;

/**
 * The customer accounts (the data map's entry with an account key) that an email address or phone
 * number is on record for, found through the record sources like every other search. An account
 * number is never looked up here: anyone can quote one, so it proves nothing about who is asking.
 */
@Component
public class CustomerAccounts {

    private final DataMap dataMap;
    private final List<RecordSource> sources;
    private final SubjectResolver resolver;

    public CustomerAccounts(DataMap dataMap, List<RecordSource> sources, SubjectResolver resolver) {
        this.dataMap = dataMap;
        this.sources = List.copyOf(sources);
        this.resolver = resolver;
    }

    /** Account numbers (upper case) of the accounts the email addresses and phone numbers are on record for. */
    public Set<String> onRecordFor(List<String> emails, List<String> phones) {
        Subject subject = resolver.resolve(emails, phones, List.of());
        if (subject.emailKeys().isEmpty() && subject.phoneKeys().isEmpty()) {
            return Set.of();
        }
        Category accounts = accountCategory();
        Set<String> found = new LinkedHashSet<>();
        for (RecordSource source : sources) {
            if (source.handles(accounts)) {
                source.forEachRecord(accounts, subject, row -> {
                    Object number = row.get(accounts.accountKey());
                    if (number != null) {
                        found.add(number.toString().trim().toUpperCase(Locale.ROOT));
                    }
                });
            }
        }
        return found;
    }

    private Category accountCategory() {
        return dataMap.categories().stream()
                .filter(c -> c.accountKey() != null && c.searchable())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The data map has no customer account category "
                        + "(an entry with account-key): identity cannot be matched to a customer"));
    }
}
