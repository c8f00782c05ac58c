package uk.lucidservices.privacydesk.intake;

import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.LetterQueue;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

import java.util.List;

/**
 * Opens a request that came by mail (directly, or through triage) and makes sure the person is
 * acknowledged: a deployed request process sends its own acknowledgement as its first step;
 * while none is deployed for the type, the intake queues the acknowledgement itself.
 */
@Component
class RequestOpening {

    private final RequestStarter starter;
    private final RequestRegister register;
    private final LetterQueue letters;

    public RequestOpening(RequestStarter starter, RequestRegister register, LetterQueue letters) {
        this.starter = starter;
        this.register = register;
        this.letters = letters;
    }

    /** {@code otherPhones} and the request's phone and account number were found in the mail's text: suggestions. */
    Request open(NewRequest newRequest, List<String> otherPhones) {
        Request request = starter.start(newRequest);
        otherPhones.forEach(phone -> register.addSuggestedPhone(request.id(), phone));
        if (request.processInstanceId() == null) {
            letters.enqueue(request, acknowledgement(request.type()));
        }
        return request;
    }

    static String acknowledgement(RequestType type) {
        return type == RequestType.COMPLAINT ? "complaint-acknowledgement" : "acknowledgement";
    }
}
