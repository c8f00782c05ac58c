package uk.lucidservices.privacydesk.access;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Completion listener of {@code Task_DeliverPackAnotherWay} (form {@code sar-deliver-pack}), reached
 * when the request has no verified email address for the download link. The officer says how the
 * pack reached the requester ({@code deliveryMethod} = POST | IN_PERSON | OTHER_SECURE) and confirms it
 * ({@code deliveryConfirmed}); both are recorded on the request, not kept in the process.
 */
@Component("recordManualDelivery")
class RecordManualDeliveryListener implements TaskListener {

    public static final String METHOD = "deliveryMethod";
    public static final String CONFIRMED = "deliveryConfirmed";

    public enum DeliveryMethod {
        POST,
        IN_PERSON,
        OTHER_SECURE
    }

    private final RequestRegister register;

    public RecordManualDeliveryListener(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        DeliveryMethod method = parse(ProcessVariables.text(task, METHOD));
        if (!Boolean.TRUE.equals(ProcessVariables.yesNo(task, CONFIRMED))) {
            throw new IllegalArgumentException("Confirm that the pack reached the requester before completing");
        }
        String userId = Actors.of(task);
        String reference = task.getExecution().getProcessBusinessKey();
        register.record(
                register.get(reference).id(),
                "PACK_DELIVERED",
                userId,
                "method=" + method + "; no verified email address");
        ProcessVariables.forget(task.getExecution(), METHOD);
        ProcessVariables.forget(task.getExecution(), CONFIRMED);
    }

    static DeliveryMethod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Say how the pack was delivered: POST, IN_PERSON or OTHER_SECURE");
        }
        try {
            return DeliveryMethod.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown delivery method '" + text.trim() + "': use POST, IN_PERSON or OTHER_SECURE");
        }
    }
}
