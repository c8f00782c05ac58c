package uk.lucidservices.privacydesk.erasure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * The officer's review of the preview (form {@code erasure-preview-review}). Best as the review
 * task's {@code complete} listener: the officer completing it is the reviewer, and a bad line
 * refuses the completion with a message saying which. Reads {@code additionalKeeps}, one
 * {@code category-id: reason} per line, moves each into the plan and removes the variable. Also
 * usable as a service task after the review, reading the reviewer from {@code reviewedBy}.
 */
@Component("recordKeepDecisions")
class RecordKeepDecisions implements TaskListener, JavaDelegate {

    static final String VARIABLE = "additionalKeeps";

    private final ErasurePreview preview;
    private final DataMap dataMap;

    public RecordKeepDecisions(ErasurePreview preview, DataMap dataMap) {
        this.preview = preview;
        this.dataMap = dataMap;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = Actors.of(task);
        record(task, ProcessVariables.reference(task), reviewer);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewer = ProcessVariables.text(execution, "reviewedBy");
        if (reviewer == null) {
            reviewer = Actors.signedIn(execution);
        }
        if (reviewer == null) {
            throw new IllegalStateException("Set reviewedBy to the officer who reviewed the erasure preview");
        }
        record(execution, ProcessVariables.reference(execution), reviewer);
    }

    private void record(VariableScope scope, String reference, String reviewer) {
        for (Keep keep : parse(ProcessVariables.text(scope, VARIABLE))) {
            preview.markKept(reference, keep.categoryId(), keep.reason(), reviewer);
        }
        preview.reviewed(reference, reviewer);
        ProcessVariables.forget(scope, VARIABLE);
        ProcessVariables.set(scope, "reviewedBy", reviewer);
        ProcessVariables.set(scope, "erasurePlanSummary", preview.summary(reference));
    }

    record Keep(String categoryId, String reason) {}

    /** Parents first, so that keeping a child and its parent in one go works whatever the line order. */
    List<Keep> parse(String text) {
        List<Keep> keeps = new ArrayList<>();
        if (text == null) {
            return keeps;
        }
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1 || line.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException(
                        "Line " + (n + 1) + " of the categories to keep: write it as" + " 'category-id: reason'");
            }
            keeps.add(new Keep(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        List<String> order = dataMap.categories().stream().map(c -> c.id()).toList();
        keeps.sort(Comparator.comparingInt((Keep k) -> order.indexOf(k.categoryId()))
                .reversed());
        return keeps;
    }
}
