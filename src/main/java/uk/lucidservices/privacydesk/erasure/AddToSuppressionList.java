package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Service task: the person's phone numbers and emails go on the suppression list as keyed hashes. */
@Component("addToSuppressionList")
class AddToSuppressionList implements JavaDelegate {

    private final SuppressionList suppression;
    private final ErasureSubjects subjects;
    private final ErasureCases cases;
    private final RequestRegister register;

    public AddToSuppressionList(
            SuppressionList suppression, ErasureSubjects subjects, ErasureCases cases, RequestRegister register) {
        this.suppression = suppression;
        this.subjects = subjects;
        this.cases = cases;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        Subject subject = subjects.subject(reference);
        suppression.suppress(reference, subject);
        register.find(reference)
                .ifPresent(r -> register.record(
                        r.id(),
                        "SUPPRESSED",
                        null,
                        subject.phoneKeys().size() + " phone and "
                                + subject.emailKeys().size()
                                + " email keys on the marketing suppression list (keyed hashes)"));
        cases.suppressed(reference);
    }
}
