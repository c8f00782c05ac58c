package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task: the person's phone numbers and emails go on the suppression list as keyed hashes. */
@Component("addToSuppressionList")
class AddToSuppressionList implements JavaDelegate {

    private final SuppressionList suppression;
    private final ErasureSubjects subjects;
    private final ErasureCases cases;

    public AddToSuppressionList(SuppressionList suppression, ErasureSubjects subjects, ErasureCases cases) {
        this.suppression = suppression;
        this.subjects = subjects;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = Delegates.reference(execution);
        suppression.suppress(reference, subjects.subject(reference));
        cases.suppressed(reference);
    }
}
