package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/** Service task: writes the certificate (JSON and PDF) to the file store and records it. */
@Component("issueErasureCertificate")
class IssueErasureCertificate implements JavaDelegate {

    private final ErasureCertificate certificate;

    public IssueErasureCertificate(ErasureCertificate certificate) {
        this.certificate = certificate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        certificate.issue(ProcessVariables.reference(execution));
        ProcessVariables.set(execution, "certificateIssued", true);
    }
}
