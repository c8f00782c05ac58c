package uk.lucidservices.privacydesk.erasure;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task: builds the erasure preview. Reads {@code erasureScope} ({@code ALL}, a named scope
 * or category ids) and {@code preparedBy} (a user id; else the signed-in user). Sets
 * {@code erasurePlanSummary} (categories, actions, counts, reasons: no values) for the review and
 * authorisation forms, and {@code erasureCategoriesToErase}.
 */
@Component("prepareErasurePreview")
class PrepareErasurePreview implements JavaDelegate {

    private final ErasurePreview preview;
    private final ErasureScopes scopes;

    public PrepareErasurePreview(ErasurePreview preview, ErasureScopes scopes) {
        this.preview = preview;
        this.scopes = scopes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        String preparedBy = ProcessVariables.text(execution, "preparedBy");
        if (preparedBy == null) {
            preparedBy = Actors.signedIn(execution);
        }
        List<ErasurePlanItem> items = preview.preview(
                reference, scopes.categories(ProcessVariables.text(execution, "erasureScope")), preparedBy);
        if (preparedBy != null) {
            ProcessVariables.set(execution, "preparedBy", preparedBy);
        }
        ProcessVariables.set(execution, "erasurePlanSummary", preview.summary(reference));
        ProcessVariables.set(
                execution,
                "erasureCategoriesToErase",
                items.stream().filter(ErasurePlanItem::toErase).count());
    }
}
