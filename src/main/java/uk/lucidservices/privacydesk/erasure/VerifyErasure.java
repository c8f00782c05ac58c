package uk.lucidservices.privacydesk.erasure;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task: repeats the search and sets {@code leftoversFound}. When something is left it opens
 * an incident of type {@value #INCIDENT_TYPE} naming the systems (visible in Cockpit) and the
 * process should loop back to {@code eraseAcrossSystems} on {@code ${leftoversFound}}; the reopened
 * categories are erased again. A later clean pass resolves the incident. (It does not throw:
 * a thrown exception would roll back {@code leftoversFound} and only retry the search.)
 */
@Component("verifyErasure")
class VerifyErasure implements JavaDelegate {

    public static final String INCIDENT_TYPE = "erasureLeftovers";

    private final ErasureVerification verification;

    public VerifyErasure(ErasureVerification verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        ErasureVerification.Result result = verification.verify(reference);
        ProcessVariables.set(execution, "leftoversFound", !result.clean());
        if (!result.clean()) {
            execution.createIncident(
                    INCIDENT_TYPE, reference, new LeftoversFoundException(reference, result).getMessage());
            return;
        }
        List<Incident> open = Context.getCommandContext().runWithoutAuthorization(() -> execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .incidentType(INCIDENT_TYPE)
                .list());
        for (Incident incident : open) {
            execution.resolveIncident(incident.getId());
        }
    }
}
