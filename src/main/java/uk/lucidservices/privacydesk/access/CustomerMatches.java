package uk.lucidservices.privacydesk.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.request.IdentifierState;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The customer accounts a request's email addresses and phone numbers (as given, not yet
 * verified; suggestions found in a mail's text and rejected identifiers are left out) lead to: the records of the data map's account category (the entry with an account
 * key), found through the record sources like every other search.
 */
@Component
class CustomerMatches {

    /** A matched account: its record id and its account number. */
    public record Account(Object id, Object accountNumber) {}

    private final RequestRegister register;
    private final DataMap dataMap;
    private final RecordSources sources;
    private final SubjectResolver resolver;

    public CustomerMatches(RequestRegister register, DataMap dataMap, RecordSources sources, SubjectResolver resolver) {
        this.register = register;
        this.dataMap = dataMap;
        this.sources = sources;
        this.resolver = resolver;
    }

    public List<Account> accounts(Request request) {
        Subject subject = resolver.resolve(values(request.id(), "EMAIL"), values(request.id(), "PHONE"), List.of());
        if (subject.emailKeys().isEmpty() && subject.phoneKeys().isEmpty()) {
            return List.of();
        }
        Category accounts = accountCategory();
        Map<Object, Account> found = new LinkedHashMap<>();
        for (RecordSource source : sources.handling(accounts)) {
            source.forEachRecord(
                    accounts,
                    subject,
                    row -> found.putIfAbsent(
                            row.get("id"), new Account(row.get("id"), row.get(accounts.accountKey()))));
        }
        return new ArrayList<>(found.values());
    }

    private Category accountCategory() {
        return dataMap.categories().stream()
                .filter(c -> c.accountKey() != null && c.searchable())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The data map has no customer account category "
                        + "(an entry with account-key): identity cannot be matched to a customer"));
    }

    private List<String> values(long requestId, String kind) {
        return register.identifiers(requestId).stream()
                .filter(i -> i.kind().equals(kind))
                .filter(i -> i.state() != IdentifierState.SUGGESTED && i.state() != IdentifierState.REJECTED)
                .map(RequestRegister.Identifier::value)
                .toList();
    }
}
