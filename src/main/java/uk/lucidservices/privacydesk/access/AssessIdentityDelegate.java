package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Decides whether there is reasonable doubt about who is asking: sets {@code identityMatched} to
 * true when the email addresses and phone numbers the requester gave (not those found in the mail's
 * text, which are only suggestions, and never an account number alone) lead to exactly one customer
 * account. No match, or several accounts, means the desk asks for ID. Only the count is recorded.
 */
@Component("assessIdentity")
class AssessIdentityDelegate implements JavaDelegate {

    public static final String IDENTITY_MATCHED = "identityMatched";

    private final RequestRegister register;
    private final VerifiedIdentifiers identifiers;

    public AssessIdentityDelegate(RequestRegister register, VerifiedIdentifiers identifiers) {
        this.register = register;
        this.identifiers = identifiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request request = register.get(execution.getProcessBusinessKey());
        int accounts = identifiers.assess(request.reference());
        register.record(
                request.id(),
                "IDENTITY_ASSESSED",
                "desk",
                "customer accounts matched=" + accounts
                        + (accounts == 1 ? "; an officer confirms the match" : "; ID will be asked for"));
        ProcessVariables.set(execution, IDENTITY_MATCHED, accounts == 1);
    }
}
