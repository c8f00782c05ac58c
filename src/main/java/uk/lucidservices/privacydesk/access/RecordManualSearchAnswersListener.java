package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion listener of {@code Task_SearchManualSystems} (form {@code manual-search-checklist}):
 * moves each answer ({@code manual_<category>} text, {@code manual_<category>_count} number) into
 * {@code desk.search_result} and removes it from the process. An unanswered system stops the task
 * from completing. Also usable as a JavaDelegate when answers reach the process another way.
 */
@Component("recordManualSearchAnswers")
class RecordManualSearchAnswersListener implements TaskListener, JavaDelegate {

    private final ManualSearchChecklist checklist;
    private final IdentityService identityService;

    public RecordManualSearchAnswersListener(ManualSearchChecklist checklist, IdentityService identityService) {
        this.checklist = checklist;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution().getProcessBusinessKey(), task, Actors.of(task, identityService));
    }

    @Override
    public void execute(DelegateExecution execution) {
        record(execution.getProcessBusinessKey(), execution, Actors.of(execution, identityService));
    }

    private void record(String reference, VariableScope scope, String userId) {
        List<String> categories = checklist.categories(reference);
        List<String> missing = new ArrayList<>();
        for (String category : categories) {
            String answer = FormVariables.text(scope, ManualSearchChecklist.answerField(category));
            if (answer == null || answer.isBlank()) {
                missing.add(category);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Answer every system searched by hand before completing: missing "
                    + String.join(", ", missing));
        }
        for (String category : categories) {
            String answerField = ManualSearchChecklist.answerField(category);
            String countField = ManualSearchChecklist.countField(category);
            checklist.record(reference, category, FormVariables.number(scope, countField),
                    FormVariables.text(scope, answerField), userId);
            FormVariables.scrub(scope, answerField);
            FormVariables.scrub(scope, countField);
        }
    }
}
