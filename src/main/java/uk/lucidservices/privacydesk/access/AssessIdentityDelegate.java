package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Decides whether there is reasonable doubt about who is asking: sets {@code identityMatched} to
 * true when the request's email addresses and phone numbers lead to exactly one customer account.
 * No match, or several accounts, means the desk asks for ID. Only the count is recorded.
 */
@Component("assessIdentity")
public class AssessIdentityDelegate implements JavaDelegate {

    public static final String IDENTITY_MATCHED = "identityMatched";

    private final RequestRegister register;
    private final CustomerMatches matches;

    public AssessIdentityDelegate(RequestRegister register, CustomerMatches matches) {
        this.register = register;
        this.matches = matches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(execution.getProcessBusinessKey());
        int accounts = matches.accounts(request).size();
        register.record(request.id(), "IDENTITY_ASSESSED", "desk", "customer accounts matched=" + accounts
                + (accounts == 1 ? "; an officer confirms the match" : "; ID will be asked for"));
        execution.setVariable(IDENTITY_MATCHED, accounts == 1);
    }
}
