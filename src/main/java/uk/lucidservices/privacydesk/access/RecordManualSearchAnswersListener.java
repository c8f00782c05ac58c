package uk.lucidservices.privacydesk.access;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Completion listener of {@code Task_SearchManualSystems} (form {@code manual-search-checklist}):
 * moves each answer ({@code manual_<category>} text, {@code manual_<category>_count} number) into
 * {@code desk.search_result} and removes it from the process. An unanswered system stops the task
 * from completing. Sets {@code manualRecordsFound} (a number). Also usable as a JavaDelegate when answers reach the process another way.
 */
@Component("recordManualSearchAnswers")
class RecordManualSearchAnswersListener implements TaskListener, JavaDelegate {

    /** Records found by hand across the manual systems (a number, never what they are). */
    static final String MANUAL_RECORDS_FOUND = "manualRecordsFound";

    private final ManualSearchChecklist checklist;

    public RecordManualSearchAnswersListener(ManualSearchChecklist checklist) {
        this.checklist = checklist;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution().getProcessBusinessKey(), task, Actors.of(task));
    }

    @Override
    public void execute(DelegateExecution execution) {
        record(execution.getProcessBusinessKey(), execution, Actors.of(execution));
    }

    private void record(String reference, VariableScope scope, String userId) {
        List<String> categories = checklist.categories(reference);
        List<String> missing = new ArrayList<>();
        for (String category : categories) {
            String answer = ProcessVariables.text(scope, ManualSearchChecklist.answerField(category));
            if (answer == null || answer.isBlank()) {
                missing.add(category);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Answer every system searched by hand before completing: missing " + String.join(", ", missing));
        }
        // What the hand search found, for the gateway that sends "we hold no personal data about you":
        // a system answered without a number counts as something found, so only a clear nothing is nothing.
        long found = 0;
        for (String category : categories) {
            String answerField = ManualSearchChecklist.answerField(category);
            String countField = ManualSearchChecklist.countField(category);
            Long count = ProcessVariables.number(scope, countField);
            checklist.record(reference, category, count, ProcessVariables.text(scope, answerField), userId);
            found += count == null ? 1 : count;
            ProcessVariables.forget(scope, answerField);
            ProcessVariables.forget(scope, countField);
        }
        ProcessVariables.set(scope, MANUAL_RECORDS_FOUND, found);
    }
}
