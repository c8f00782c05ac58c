package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether there is reasonable doubt about who is asking: sets {@code identityMatched} to
 * true when the request's email addresses and phone numbers (as given, not yet verified) lead to
 * exactly one customer account, the data map's category with an account key. No match, or
 * several accounts, means the desk asks for ID. Only the count is recorded.
 */
@Component("assessIdentity")
public class AssessIdentityDelegate implements JavaDelegate {

    public static final String IDENTITY_MATCHED = "identityMatched";

    private final RequestRegister register;
    private final DataMap dataMap;
    private final RecordSources sources;
    private final SubjectResolver resolver;

    public AssessIdentityDelegate(RequestRegister register, DataMap dataMap, RecordSources sources,
                                  SubjectResolver resolver) {
        this.register = register;
        this.dataMap = dataMap;
        this.sources = sources;
        this.resolver = resolver;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(execution.getProcessBusinessKey());
        int accounts = matchingAccounts(request);
        register.record(request.id(), "IDENTITY_ASSESSED", "desk", "customer accounts matched=" + accounts
                + (accounts == 1 ? "; an officer confirms the match" : "; ID will be asked for"));
        execution.setVariable(IDENTITY_MATCHED, accounts == 1);
    }

    /** How many customer accounts the request's emails and phones match; counted by account id. */
    int matchingAccounts(Request request) {
        Subject subject = resolver.resolve(values(request.id(), "EMAIL"), values(request.id(), "PHONE"), List.of());
        if (subject.emailKeys().isEmpty() && subject.phoneKeys().isEmpty()) {
            return 0;
        }
        Category accounts = accountCategory();
        Set<Object> ids = new HashSet<>();
        for (RecordSource source : sources.handling(accounts)) {
            source.forEachRecord(accounts, subject, row -> ids.add(row.get("id")));
        }
        return ids.size();
    }

    private Category accountCategory() {
        return dataMap.categories().stream().filter(c -> c.accountKey() != null && c.searchable()).findFirst()
                .orElseThrow(() -> new IllegalStateException("The data map has no customer account category "
                        + "(an entry with account-key): identity cannot be matched to a customer"));
    }

    private List<String> values(long requestId, String kind) {
        return register.identifiers(requestId).stream().filter(i -> i.kind().equals(kind))
                .map(RequestRegister.Identifier::value).toList();
    }
}
