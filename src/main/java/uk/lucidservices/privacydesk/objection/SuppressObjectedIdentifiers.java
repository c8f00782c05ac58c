package uk.lucidservices.privacydesk.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Service task of {@code marketing-objection}: the request's phone numbers and email addresses go
 * on the marketing suppression list as keyed hashes (calls and texts by number, email by address).
 * Nothing is erased: the lead and its call history stay unless erasure is asked for too.
 */
@Component("suppressObjectedIdentifiers")
class SuppressObjectedIdentifiers implements JavaDelegate {

    static final String REASON = "Marketing objection";

    private final ObjectionIdentifiers identifiers;
    private final SuppressionList suppression;
    private final RequestRegister register;

    SuppressObjectedIdentifiers(
            ObjectionIdentifiers identifiers, SuppressionList suppression, RequestRegister register) {
        this.identifiers = identifiers;
        this.suppression = suppression;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        ObjectionIdentifiers.Keys keys = identifiers.of(reference);
        int added = suppression.suppress(reference, keys.phoneKeys(), keys.emailKeys(), REASON);
        register.record(
                keys.request().id(),
                "SUPPRESSED",
                null,
                keys.counts() + " on the marketing suppression list for calls, texts and email (keyed hashes; " + added
                        + " new)");
    }
}
