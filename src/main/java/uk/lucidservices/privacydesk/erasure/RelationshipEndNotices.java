package uk.lucidservices.privacydesk.erasure;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.DeskProcessStart;

/**
 * Starts {@code bpmn/relationship-end-notices.bpmn} for a relationship-end sweep's erasure request
 * whose erased records had recipients (Art. 19): the erasure request's own notice tasks, then the
 * certificate and the closing. Only references go into the engine.
 */
@Component
class RelationshipEndNotices {

    static final String PROCESS = "relationship-end-notices";

    private final RuntimeService runtime;

    RelationshipEndNotices(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(String reference, long requestId) {
        DeskProcessStart.byDesk(() -> runtime.startProcessInstanceByKey(
                PROCESS,
                reference,
                Map.of(ProcessVariables.REQUEST_REFERENCE, reference, ProcessVariables.REQUEST_ID, requestId)));
    }
}
