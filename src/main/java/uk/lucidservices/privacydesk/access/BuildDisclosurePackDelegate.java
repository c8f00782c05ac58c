package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Builds the disclosure pack; sets only {@code packId}. The preparer is {@code packPreparedBy}
 * (set by {@code recordRedactionDecisions}) when present. Mark the service task asyncBefore:
 * a large pack takes a while and should not hold the completing user's request.
 */
@Component("buildDisclosurePack")
class BuildDisclosurePackDelegate implements JavaDelegate {

    private final DisclosurePackBuilder builder;

    public BuildDisclosurePackDelegate(DisclosurePackBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String preparedBy = ProcessVariables.text(execution, PackApproval.PREPARED_BY);
        DisclosurePack pack = builder.build(execution.getProcessBusinessKey(), preparedBy);
        ProcessVariables.set(execution, PackApproval.PACK_ID, pack.id());
    }
}
