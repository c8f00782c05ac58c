package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.mail.LetterQueue;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A mail for each kind of request is logged as that kind and acknowledged with its reference.
 * A deployed request process sends its own acknowledgement as one of its first steps; while
 * none is deployed for a type the request stays RECEIVED and the intake queues the
 * acknowledgement itself (desk-letter). Each test checks whichever applies.
 */
class MailIntakeTest extends IntakeTestSupport {

    @Test
    void copyOfMyDataIsASubjectAccessRequestAndIsAcknowledged() throws Exception {
        TestMail mail = TestMail.from("Anna Smith")
                .subject("My data")
                .text("Hello,\n\nPlease send me a copy of my data.\n\nThanks, Anna");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.SUBJECT_ACCESS);
        Request request = register.get(entry.requestReference());
        assertThat(request.reference()).startsWith("SAR-");
        assertThat(request.channel()).isEqualTo(Channel.EMAIL);
        assertAcknowledged(request, mail.address(), "acknowledgement");
    }

    @Test
    void deleteMyCallRecordingsIsAnErasureRequestAndIsAcknowledged() throws Exception {
        TestMail mail = TestMail.from("Ben Jones").subject("Recordings").text("please delete my call recordings");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.ERASURE);
        assertAcknowledged(register.get(entry.requestReference()), mail.address(), "acknowledgement");
    }

    @Test
    void complainingAboutMyBillIsAComplaintAndGetsTheComplaintAcknowledgement() throws Exception {
        TestMail mail = TestMail.from("Cara Patel")
                .subject("I want to complain about my bill")
                .text("It is far too high again.");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.COMPLAINT);
        assertAcknowledged(register.get(entry.requestReference()), mail.address(), "complaint-acknowledgement");
    }

    @Test
    void senderAddressNameAndPhoneNumbersBecomeTheRequestsIdentifiers() {
        TestMail mail = TestMail.from("Dev Kumar")
                .subject("Subject access request")
                .text(
                        "Please send me a copy of my data. I call from 07700 900123 and my office is +44 20 7946 0018. Account LS100042.");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        Request request = register.get(entry.requestReference());
        assertThat(request.requesterName()).isEqualTo("Dev Kumar");
        assertThat(request.requesterEmail()).isEqualTo(mail.address());
        assertThat(request.accountNumber()).isEqualTo("LS100042");
        List<RequestRegister.Identifier> ids = register.identifiers(request.id());
        assertThat(ids)
                .extracting(RequestRegister.Identifier::kind, RequestRegister.Identifier::key)
                .contains(
                        Tuple.tuple("EMAIL", mail.address().toLowerCase()),
                        Tuple.tuple("PHONE", "+447700900123"),
                        Tuple.tuple("PHONE", "+442079460018"),
                        Tuple.tuple("NAME", null),
                        Tuple.tuple("ACCOUNT", "LS100042"));
    }

    @Test
    void aMailThatAsksForNothingRecognisableGoesToTriageForPrivacyOfficers() {
        TestMail mail =
                TestMail.from("Eve Morgan").subject("Hello").text("Can you call me back about my order please?");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.requestReference()).isNull();
        ProcessInstance triage = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();
        assertThat(triage.getBusinessKey()).isEqualTo("MAIL-" + entry.id());
        Task task =
                taskService.createTaskQuery().processInstanceId(triage.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_TriageMail");
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> "privacy-officers".equals(link.getGroupId()));
        assertThat(task.getDueDate()).isNotNull();
        // Variables hold the intake id, a reason and the team whose queue it is: nothing personal.
        assertThat(runtimeService.getVariables(triage.getId()))
                .containsOnlyKeys("intakeId", "triageReason", "triageDue", "triageFollowUp", "triageGroup");
        assertThat(mailsTo(mail.address()))
                .as("no letter before a person decides")
                .isEmpty();
    }

    private void assertAcknowledged(Request request, String address, String template) throws Exception {
        assertThat(mailsTo(address)).isEmpty();
        if (request.processInstanceId() == null) {
            // No process is deployed for this type yet: the intake queued the acknowledgement itself.
            assertThat(request.status()).isEqualTo("RECEIVED");
            sendQueuedLetters(request.reference());
        } else {
            // The request's own process sends the acknowledgement as one of its first steps, not the intake.
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(request.processInstanceId())
                            .singleResult()
                            .getBusinessKey())
                    .isEqualTo(request.reference());
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processDefinitionKey(LetterQueue.PROCESS_KEY)
                            .processInstanceBusinessKey(request.reference())
                            .count())
                    .isZero();
            runStepsUntilALetterIsSent(request);
        }

        List<MimeMessage> received = mailsTo(address);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains("[" + request.reference() + "]");
        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(l -> assertThat(l.template()).isEqualTo(template));
        assertThat(register.events(request.id()))
                .anyMatch(e ->
                        e.kind().equals("LETTER_SENT") && e.detail().equals("template=" + template + "; to=requester"));
    }
}
