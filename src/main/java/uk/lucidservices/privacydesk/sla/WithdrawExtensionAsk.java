package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Delete listener of the managers' extension approval tasks: a task cancelled without a decision (the
 * request answered or closed first, the process ended or modified) no longer holds the request's one
 * extension ask ({@link ExtensionAsks}), so a later ask is not refused as already with a manager.
 */
@Component("withdrawExtensionAsk")
class WithdrawExtensionAsk implements TaskListener {

    private final RequestRegister register;

    WithdrawExtensionAsk(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        register.find(task.getExecution().getProcessBusinessKey())
                .ifPresent(request -> register.clearExtensionAsked(request.id()));
    }
}
