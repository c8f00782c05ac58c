package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task of a portability request: builds the pack of the data the person provided
 * ({@link PortabilityPackBuilder}), prepared by the officer who confirmed the identity, so a second
 * officer approves it. Sets {@code packId}, {@code portableCategories} and {@code portableRecords}
 * (counts, for the approval form).
 */
@Component("buildPortabilityPack")
class BuildPortabilityPackDelegate implements JavaDelegate {

    private final PortabilityPackBuilder builder;

    BuildPortabilityPackDelegate(PortabilityPackBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String preparedBy = ProcessVariables.text(execution, ProcessVariables.IDENTITY_CHECKED_BY);
        PortabilityPackBuilder.Built built = builder.build(execution.getProcessBusinessKey(), preparedBy);
        ProcessVariables.set(execution, PackApproval.PACK_ID, built.pack().id());
        ProcessVariables.set(execution, PackApproval.PREPARED_BY, preparedBy);
        ProcessVariables.set(execution, "portableCategories", built.categories());
        ProcessVariables.set(execution, "portableRecords", built.pack().recordCount());
    }
}
