package uk.lucidservices.privacydesk.transcript;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestLinks;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Service task: the address is not the chat's, so nothing is sent on this light path; a subject
 * access request with the same details takes over, with its own acknowledgement and identity check.
 */
@Component("openSubjectAccessRequestInstead")
class OpenSubjectAccessRequestInstead implements JavaDelegate {

    private final TranscriptCopies copies;
    private final RequestLinks links;
    private final RequestRegister register;

    OpenSubjectAccessRequestInstead(TranscriptCopies copies, RequestLinks links, RequestRegister register) {
        this.copies = copies;
        this.links = links;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Request copy = register.get(execution.getProcessBusinessKey());
        Request sar = copies.becomeSubjectAccessRequest(copy.reference());
        links.link(
                copy,
                sar,
                "desk",
                "the address is not the one recorded in the chat: handled as a subject access request");
    }
}
