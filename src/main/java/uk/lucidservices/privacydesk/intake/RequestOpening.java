package uk.lucidservices.privacydesk.intake;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.LetterQueue;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestLinks;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

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
    private final RequestLinks links;

    public RequestOpening(RequestStarter starter, RequestRegister register, LetterQueue letters, RequestLinks links) {
        this.starter = starter;
        this.register = register;
        this.letters = letters;
        this.links = links;
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

    /** Opens a second request asked for alongside {@code first}, linked to it; {@code why} carries no personal data. */
    Request openLinked(Request first, NewRequest newRequest, List<String> otherPhones, String actor, String why) {
        Request request = open(newRequest, otherPhones);
        links.link(first, request, actor, why);
        return request;
    }

    static String acknowledgement(RequestType type) {
        return type == RequestType.COMPLAINT ? "complaint-acknowledgement" : "acknowledgement";
    }
}
