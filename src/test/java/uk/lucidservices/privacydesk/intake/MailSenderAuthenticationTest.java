package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.lucidservices.privacydesk.ProcessAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Mail that claims to be someone: the verdict of the desk's own mail server (the trusted
 * authserv-id in application-test.yml) on the From domain decides whether the intake acts on it,
 * and a reply is filed only when it comes from the request's verified address.
 */
class MailSenderAuthenticationTest extends IntakeTestSupport {

    private static final String TRUSTED = "mx.test.lucidservices.uk";
    private static final String WAITING_PROCESS = "test-awaits-requester-reply";
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    RepositoryService repositoryService;

    @BeforeEach
    void deployTheWaitingProcess() {
        repositoryService
                .createDeployment()
                .name("test-awaits-requester-reply")
                .enableDuplicateFiltering(true)
                .addClasspathResource("intake/test-awaits-requester-reply.bpmn")
                .deploy();
    }

    @Test
    void aRequestFailingDmarcAtTheTrustedServerStartsNothingSendsNothingAndGoesToTriageMarkedSo() {
        TestMail forged = TestMail.from("Orla Quint")
                .subject("My data")
                .header(
                        "Authentication-Results",
                        TRUSTED + "; spf=fail smtp.mailfrom=example.com;"
                                + " dkim=none (no signature); dmarc=fail (p=reject dis=none) header.from=example.com")
                .text("Hello,\n\nPlease send me a copy of my data.\n\nThanks");

        IntakeLog.Entry entry = deliverAndPoll(forged);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.reason()).startsWith("DMARC failed (" + TRUSTED + ")");
        assertThat(entry.requestReference()).isNull();
        assertThat(entry.triageInstanceId()).isNotNull();
        assertThat(runtimeService
                        .getVariable(entry.triageInstanceId(), "triageReason")
                        .toString())
                .contains("DMARC failed");
        assertThat(mailsTo(forged.address()))
                .as("no acknowledgement to a sender who is not proven")
                .isEmpty();
    }

    @Test
    void theSameRequestPassingDmarcStarts() {
        TestMail genuine = TestMail.from("Orla Quint")
                .header(
                        "Authentication-Results",
                        TRUSTED + "; spf=pass; dkim=pass header.d=example.com; dmarc=pass header.from=example.com")
                .subject("My data")
                .text("Hello,\n\nPlease send me a copy of my data.\n\nThanks");

        assertThat(deliverAndPoll(genuine).outcome()).isEqualTo(IntakeOutcome.STARTED);
    }

    @Test
    void aComplaintsReplyFailingDmarcIsHeldForComplaintHandlersNotPrivacyOfficers() {
        TestMail complainant = TestMail.from("Zeb Hallworth");
        Request complaint = register.log(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                .email(complainant.address())
                .loggedBy("intake")
                .build());
        TestMail forged = TestMail.fromHeader(complainant.fromHeader())
                .header("Authentication-Results", TRUSTED + "; dmarc=fail (p=reject dis=none) header.from=example.com")
                .subject("Re: [" + complaint.reference() + "] my complaint")
                .text("More about my complaint");

        IntakeLog.Entry entry = deliverAndPoll(forged);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.reason()).startsWith("DMARC failed");
        assertThat(runtimeService.getVariable(entry.triageInstanceId(), "triageGroup"))
                .isEqualTo(DeskGroups.COMPLAINT_HANDLERS);
        assertThat(entry.requestReference()).isEqualTo(complaint.reference());
    }

    @Test
    void aDmarcVerdictFromAServerThatIsNotTrustedIsIgnored() {
        // Anyone can write an Authentication-Results header: only the configured server's counts.
        TestMail mail = TestMail.from("Piers Rook")
                .header("Authentication-Results", "mx.elsewhere.example; dmarc=fail header.from=example.com")
                .subject("My data")
                .text("Please send me a copy of my data.");

        assertThat(deliverAndPoll(mail).outcome()).isEqualTo(IntakeOutcome.STARTED);
    }

    @Test
    void aSpoofedReplyInTheRequestersNameWithTheReferenceIsNotFiledButGoesToTriage() {
        TestMail person = TestMail.from("Rhea Stone");
        Request request = waitingRequest(person);
        TestMail spoofed = TestMail.fromHeader(person.fromHeader())
                .header(
                        "Authentication-Results",
                        TRUSTED + "; spf=fail smtp.mailfrom=example.com; dmarc=fail header.from=example.com")
                .subject("Re: [" + request.reference() + "] my documents")
                .text("Here is my passport.")
                .attach("passport.pdf", "application/pdf", PDF);

        IntakeLog.Entry entry = deliverAndPoll(spoofed);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.reason()).contains("DMARC failed");
        assertThat(process(request)).isWaitingAt("Event_RequesterReplied");
        assertThat(intakeLog.attachmentsOfRequest(request.id()))
                .as("a forged mail's files do not join the request")
                .isEmpty();
        assertThat(mailsTo(person.address())).isEmpty();
    }

    @Test
    void aReplyIsFiledOnlyFromTheRequestsVerifiedAddress() {
        TestMail person = TestMail.from("Saul Tern");
        Request request = waitingRequest(person);
        TestMail otherAddress = TestMail.from("Saul Tern")
                .subject("Re: [" + request.reference() + "] documents")
                .header("Authentication-Results", TRUSTED + "; dmarc=pass header.from=example.com")
                .text("passport");
        TestMail fromTheRequester = TestMail.fromHeader(person.fromHeader())
                .header("Authentication-Results", TRUSTED + "; dmarc=pass header.from=example.com")
                .subject("Re: [" + request.reference() + "] documents")
                .text("passport");

        assertThat(deliverAndPoll(otherAddress).outcome())
                .as("the same name from another address")
                .isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(process(request)).isWaitingAt("Event_RequesterReplied");
        assertThat(deliverAndPoll(fromTheRequester).outcome()).isEqualTo(IntakeOutcome.CORRELATED);
        assertThat(process(request)).hasPassed("Event_RequesterReplied");
    }

    @Test
    void onceAnOfficerRejectedTheRequestersAddressItsRepliesGoToTriage() {
        TestMail person = TestMail.from("Ula Rendle");
        Request request = waitingRequest(person);
        long address = register.identifiers(request.id()).stream()
                .filter(i -> "EMAIL".equals(i.kind()))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.reject(request.reference(), address, "peter");
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .header("Authentication-Results", TRUSTED + "; dmarc=pass header.from=example.com")
                .subject("Re: [" + request.reference() + "] documents")
                .text("passport");

        assertThat(deliverAndPoll(reply).outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(process(request)).isWaitingAt("Event_RequesterReplied");
    }

    /** A request of the given person whose (test) process is waiting for their reply. */
    private Request waitingRequest(TestMail person) {
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .email(person.address())
                .loggedBy("test")
                .build());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                WAITING_PROCESS,
                request.reference(),
                Map.of("requestReference", request.reference(), "requestId", request.id()));
        register.attachProcess(request.reference(), instance.getId());
        return register.get(request.reference());
    }

    private ProcessInstance process(Request request) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(request.reference())
                .processDefinitionKey(WAITING_PROCESS)
                .singleResult();
    }
}
