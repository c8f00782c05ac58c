package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Service task: builds the erasure preview. Reads {@code erasureScope} ({@code ALL}, a named scope
 * or category ids) and {@code preparedBy} (a user id; else the signed-in user). Sets {@code reference},
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
        String reference = Delegates.reference(execution);
        String preparedBy = Delegates.text(execution, "preparedBy");
        if (preparedBy == null) {
            preparedBy = Delegates.authenticatedUser(execution);
        }
        List<ErasurePlanItem> items = preview.preview(reference,
                scopes.categories(Delegates.text(execution, "erasureScope")), preparedBy);
        execution.setVariable("reference", reference);
        if (preparedBy != null) {
            execution.setVariable("preparedBy", preparedBy);
        }
        execution.setVariable("erasurePlanSummary", preview.summary(reference));
        execution.setVariable("erasureCategoriesToErase", items.stream().filter(ErasurePlanItem::toErase).count());
    }
}
