package uk.lucidservices.privacydesk.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.DoNotRecordList;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Service task of {@code do-not-record}: the request's phone numbers go on the do-not-record list
 * the phone system reads. Sets {@code noNumberGiven} (a flag, nothing personal) so the letter can
 * ask for the number when the request carried none.
 */
@Component("putNumbersOnDoNotRecordList")
class PutNumbersOnDoNotRecordList implements JavaDelegate {

    private final ObjectionIdentifiers identifiers;
    private final DoNotRecordList list;
    private final RequestRegister register;

    PutNumbersOnDoNotRecordList(ObjectionIdentifiers identifiers, DoNotRecordList list, RequestRegister register) {
        this.identifiers = identifiers;
        this.list = list;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ObjectionIdentifiers.Keys keys = identifiers.of(execution.getProcessBusinessKey());
        int added = list.add(keys.request().reference(), keys.phoneKeys());
        register.record(
                keys.request().id(),
                "DO_NOT_RECORD",
                null,
                keys.phoneKeys().size() + " phone keys on the do-not-record list (" + added + " new)");
        execution.setVariable("noNumberGiven", keys.phoneKeys().isEmpty());
    }
}
