package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Completion listener of the redaction review task (form {@code redaction-review}): stores the
 * default decision ({@code redactionDefault}, {@code redactionDefaultReason}) and the exceptions
 * ({@code redactionExceptions}) in {@code desk.redaction_item}, removes them from the process, and
 * sets {@code packPreparedBy} to the deciding officer's user id, who may then not approve the pack.
 * Anything invalid stops the task from completing with a message saying what to fix.
 */
@Component("recordRedactionDecisions")
class RecordRedactionDecisionsListener implements TaskListener, JavaDelegate {

    static final String DEFAULT = "redactionDefault";
    static final String DEFAULT_REASON = "redactionDefaultReason";
    static final String EXCEPTIONS = "redactionExceptions";

    private final RedactionReview review;

    public RecordRedactionDecisionsListener(RedactionReview review) {
        this.review = review;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution().getProcessBusinessKey(), task, task.getExecution(), Actors.of(task));
    }

    @Override
    public void execute(DelegateExecution execution) {
        record(execution.getProcessBusinessKey(), execution, execution, Actors.of(execution));
    }

    private void record(String reference, VariableScope scope, DelegateExecution execution, String userId) {
        boolean anyFlagged = review.count(reference) > 0;
        String defaultText = ProcessVariables.text(scope, DEFAULT);
        Decision defaultDecision = anyFlagged || (defaultText != null && !defaultText.isBlank())
                ? Decision.parse(defaultText)
                : Decision.KEEP;
        review.decide(
                reference,
                defaultDecision,
                ProcessVariables.text(scope, DEFAULT_REASON),
                RedactionExceptions.parse(ProcessVariables.text(scope, EXCEPTIONS)),
                userId);
        ProcessVariables.forget(scope, DEFAULT);
        ProcessVariables.forget(scope, DEFAULT_REASON);
        ProcessVariables.forget(scope, EXCEPTIONS);
        ProcessVariables.set(execution, PackApproval.PREPARED_BY, userId);
    }
}
