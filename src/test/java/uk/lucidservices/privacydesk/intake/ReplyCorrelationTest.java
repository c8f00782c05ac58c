package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.lucidservices.privacydesk.ProcessAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A reply that carries a reference reaches its process as the message requester-reply; a reply
 * nobody is waiting for, or from a stranger, or without a reference, goes to a person instead.
 * Attachments are kept in the file store, never in process variables.
 */
class ReplyCorrelationTest extends IntakeTestSupport {

    private static final String WAITING_PROCESS = "test-awaits-requester-reply";
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    LetterService letters;

    @Autowired
    FileStore files;

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
    void aReplyWithTheReferenceInTheSubjectIsCorrelatedWithItsAttachmentInTheFileStore() throws Exception {
        TestMail person = TestMail.from("Fay Green");
        Request request = waitingRequest(person);
        ProcessInstance process = process(request);
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .subject("Re: Please confirm your identity [" + request.reference() + "]")
                .text("Here is my passport.")
                .attach("passport.pdf", "application/pdf", PDF);

        IntakeLog.Entry entry = deliverAndPoll(reply);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.CORRELATED);
        assertThat(entry.requestReference()).isEqualTo(request.reference());
        assertThat(process).hasPassed("Event_RequesterReplied").isWaitingAt("Task_CheckReply");
        Map<String, Object> variables = runtimeService.getVariables(process.getId());
        assertThat(variables)
                .containsEntry("replyKind", "reply")
                .containsEntry("replyAttachmentCount", 1)
                .containsEntry("replyIntakeId", entry.id());
        assertThat(variables.values()).noneMatch(v -> v instanceof byte[]);
        IntakeLog.Attachment attachment =
                intakeLog.attachmentsOfRequest(request.id()).get(0);
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(attachment.fileName()).isEqualTo("passport.pdf");
        assertThat(Files.readAllBytes(files.resolve(attachment.storedPath()))).isEqualTo(PDF);
        assertThat(register.events(request.id()))
                .anyMatch(e -> e.kind().equals("REPLY_RECEIVED") && e.detail().contains("delivered to the process"));
    }

    @Test
    void aReplyToALetterIsCorrelatedThroughInReplyToEvenWithoutTheReferenceInTheSubject() {
        TestMail person = TestMail.from("Gus Hall");
        Request request = waitingRequest(person);
        String letterId =
                letters.send(request.reference(), "id-request", Map.of()).messageId();
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .subject("Re: my documents")
                .header("In-Reply-To", letterId)
                .header("References", letterId)
                .text("Attached, thanks.");

        IntakeLog.Entry entry = deliverAndPoll(reply);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.CORRELATED);
        assertThat(process(request)).hasPassed("Event_RequesterReplied");
    }

    @Test
    void twoRepliesReadTogetherReachTheProcessOnceAndTheOtherGoesToAPersonNotToQuarantine() {
        TestMail person = TestMail.from("Lex Moss");
        Request request = waitingRequest(person);
        TestMail first = TestMail.fromHeader(person.fromHeader())
                .subject("[" + request.reference() + "] passport")
                .text("passport")
                .attach("passport.pdf", "application/pdf", PDF);
        TestMail second = TestMail.fromHeader(person.fromHeader())
                .subject("[" + request.reference() + "] bill")
                .text("utility bill")
                .attach("bill.pdf", "application/pdf", PDF);
        deliver(first);
        deliver(second);

        poll();

        assertThat(List.of(entry(first).outcome(), entry(second).outcome()))
                .containsExactlyInAnyOrder(IntakeOutcome.CORRELATED, IntakeOutcome.TRIAGE);
        assertThat(process(request)).hasPassed("Event_RequesterReplied");
        assertThat(intakeLog.attachmentsOfRequest(request.id()))
                .as("both files are from the requester")
                .hasSize(2);
    }

    @Test
    void aReplyNobodyIsWaitingForIsRecordedOnTheRequestAndGoesToTriage() {
        TestMail person = TestMail.from("Hana Ito");
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Hana Ito")
                .email(person.address())
                .loggedBy("test")
                .build());
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .subject("RE: " + request.reference())
                .text("Any news?");

        IntakeLog.Entry entry = deliverAndPoll(reply);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.requestReference()).isEqualTo(request.reference());
        assertThat(entry.triageInstanceId()).isNotNull();
        assertThat(register.events(request.id()))
                .anyMatch(e -> e.kind().equals("REPLY_RECEIVED") && e.detail().contains("no step was waiting"));
    }

    @Test
    void aReplyFromAnAddressNotOnTheRequestGoesToTriageAndDoesNotReachTheProcess() {
        TestMail person = TestMail.from("Ivan Roe");
        Request request = waitingRequest(person);
        TestMail stranger = TestMail.from("Someone Else")
                .subject("[" + request.reference() + "] documents")
                .text("Here you go")
                .attach("id.pdf", "application/pdf", PDF);

        IntakeLog.Entry entry = deliverAndPoll(stranger);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(entry.reason()).contains("not on the request");
        assertThat(process(request)).isWaitingAt("Event_RequesterReplied");
        assertThat(intakeLog.attachmentsOfRequest(request.id()))
                .as("a stranger's files do not join the request")
                .isEmpty();
    }

    @Test
    void aReplyWithoutAReferenceStartsTriage() {
        TestMail person = TestMail.from("Jo Lake");
        Request request = waitingRequest(person);
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .subject("Re: your letter")
                .text("Here is the document you wanted.")
                .attach("scan.pdf", "application/octet-stream", PDF);

        IntakeLog.Entry entry = deliverAndPoll(reply);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(process(request)).isWaitingAt("Event_RequesterReplied");
        assertThat(intakeLog.attachments(entry.id())).singleElement().satisfies(a -> assertThat(a.storedPath())
                .isNotNull());
    }

    @Test
    void attachmentsOfTheWrongTypeOrDisguisedAreRefusedAndOnlyAcceptedOnesAreCounted() {
        TestMail person = TestMail.from("Kim Ng");
        Request request = waitingRequest(person);
        TestMail reply = TestMail.fromHeader(person.fromHeader())
                .subject("Re: [" + request.reference() + "]")
                .text("ID attached")
                .attach("passport.pdf", "application/pdf", PDF)
                .attach("setup.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0})
                .attach("photo.png", "image/png", PDF);

        IntakeLog.Entry entry = deliverAndPoll(reply);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.CORRELATED);
        assertThat(runtimeService.getVariable(process(request).getId(), "replyAttachmentCount"))
                .isEqualTo(1);
        assertThat(intakeLog.attachments(entry.id()))
                .extracting(
                        IntakeLog.Attachment::fileName,
                        a -> a.storedPath() != null,
                        IntakeLog.Attachment::refusedReason)
                .containsExactly(
                        Tuple.tuple("passport.pdf", true, null),
                        Tuple.tuple("setup.exe", false, "type not accepted (application/x-msdownload)"),
                        Tuple.tuple("photo.png", false, "content is application/pdf but was declared as image/png"));
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
