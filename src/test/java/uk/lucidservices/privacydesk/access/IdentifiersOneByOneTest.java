package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.records.PhoneNumbers;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Identifiers are verified one by one, never wholesale (issue 12): what a mail's text quotes is a
 * suggestion, an account number proves nothing, the identity cannot be confirmed while an
 * identifier the search would use is unmatched and unaccepted, and the download link goes only to
 * an address on record for the matched account. Through the real mailbox, engine and database.
 */
class IdentifiersOneByOneTest extends SarProcessTestSupport {

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    TestRestTemplate http;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    PhoneNumbers phoneNumbers;

    @Autowired
    ManualSearchChecklist checklist;

    @Test
    void aStrangerQuotingACustomersMobileAndAccountNumberGetsNothingOfTheCustomers() throws Exception {
        DemoPerson customer = person(130);
        TestMail stranger = TestMail.from("Quinn Outsider");
        String reference = deliverAndPoll(stranger.subject("Subject access request")
                .text("""
                Please send me a copy of all the personal data you hold about me.

                Thanks,
                Quinn
                Mobile: %s
                Account: %s
                """.formatted(customer.phone(), customer.accountNumber())));
        ProcessInstance pi = instance(reference);
        runJobs(pi);

        Map<String, JsonNode> byKind = identifiersByKind(reference, "olivia");
        assertThat(byKind.get("EMAIL").get("source").asText()).isEqualTo("SENDER_ADDRESS");
        assertThat(byKind.get("EMAIL").get("state").asText()).isEqualTo("UNMATCHED");
        assertThat(byKind.get("PHONE").get("source").asText()).isEqualTo("FOUND_IN_TEXT");
        assertThat(byKind.get("PHONE").get("state").asText())
                .as("a number in the text is only a suggestion")
                .isEqualTo("SUGGESTED");
        assertThat(byKind.get("ACCOUNT").get("state").asText()).isEqualTo("SUGGESTED");
        assertThat(runtimeService.getVariable(pi.getId(), AssessIdentityDelegate.IDENTITY_MATCHED))
                .as("the quoted mobile and account number match nobody to the stranger")
                .isEqualTo(false);
        process(pi).isWaitingFor("requester-reply");
        JsonNode caseFile = http.withBasicAuth("olivia", "olivia")
                .getForObject("/api/access-requests/" + reference, JsonNode.class);
        assertThat(caseFile.get("matchingAccounts")).isEmpty();

        // The stranger sends "ID"; the officer cannot confirm while the sender matches no customer...
        replyFromRequester(pi, 1);
        Task check = task(pi, "Task_CheckIdDocument");
        taskService.claim(check.getId(), "peter");
        assertThatThrownBy(() -> taskService.complete(check.getId(), Map.of("identityDecision", "CONFIRMED")))
                .hasMessageContaining(
                        "#" + byKind.get("EMAIL").get("id").asLong() + " (email address, the mail's sender)")
                .hasMessageContaining("on no single customer account")
                .hasMessageNotContaining(stranger.address())
                .hasMessageNotContaining(customer.accountNumber());
        taskService.setAssignee(check.getId(), null);
        assertThat(eventKinds(reference)).doesNotContain("IDENTITY_VERIFIED");

        // ... and even with the sender's own address accepted, the customer's number and account stay unused.
        assertThat(decide("peter", reference, byKind.get("EMAIL").get("id").asLong(), "accept")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "peter", Map.of("triageDecision", "PROCEED"));
        process(pi).isWaitingAt("Task_SearchManualSystems");

        Subject searched = identifiers.subject(reference);
        assertThat(searched.phoneKeys()).isEmpty();
        assertThat(searched.accountNumbers()).isEmpty();
        assertThat((Long) runtimeService.getVariable(pi.getId(), "totalRecords"))
                .as("nothing of the customer's found")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COALESCE(SUM(record_count), 0) FROM desk.search_result WHERE reference = ?",
                        Long.class,
                        reference))
                .isZero();
        assertThat(identifiersByKind(reference, "olivia")
                        .get("PHONE")
                        .get("state")
                        .asText())
                .isEqualTo("SUGGESTED");

        // Nothing of theirs anywhere: the stranger is told the desk holds nothing about them (issue 14),
        // and no pack, so no link, ever goes to an address not on record.
        work(pi, "Task_SearchManualSystems", "olivia", manualAnswers(reference));
        process(pi).isEnded();
        assertThat(letters(reference)).contains("no-personal-data").doesNotContain("pack-ready");
        assertThat(textsOfMailsTo(stranger.address())).noneMatch(text -> text.contains("/packs/"));
    }

    @Test
    void theOfficerWhoLoggedARequestDoesNotDecideItsIdentifiersAColleagueDoes() {
        String reference = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.PHONE)
                        .name("Yann Thorogood")
                        .email("yann.thorogood@example.net")
                        .summary("Asked by phone")
                        .loggedBy("olivia")
                        .build())
                .reference();
        long address = identifiers.list(reference).stream()
                .filter(i -> "EMAIL".equals(i.kind()))
                .findFirst()
                .orElseThrow()
                .id();

        assertThat(decide("olivia", reference, address, "accept").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .postForEntity(
                                "/api/requests/" + reference + "/identifiers/" + address + "/code", null, String.class)
                        .getStatusCode())
                .as("nor proves its address")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide("peter", reference, address, "accept")
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anOfficerAcceptsOrRejectsEachSuggestionAndOnlyAcceptedOnesAreSearched() {
        DemoPerson customer = person(150);
        String otherNumber = "020 7946 0417";
        String reference = deliverAndPoll(TestMail.fromHeader(customer.name() + " <" + customer.email() + ">")
                .subject("Subject access request")
                .text("""
                        Please send me a copy of all the personal data you hold about me.

                        %s
                        Mobile: %s
                        Work: %s
                        Account: %s
                        """.formatted(customer.name(), customer.phone(), otherNumber, customer.accountNumber())));
        ProcessInstance pi = instance(reference);
        runJobs(pi);
        process(pi).isWaitingAt("Task_ConfirmIdentity");

        List<JsonNode> listed = identifierList(reference, "olivia");
        JsonNode email = only(listed, "EMAIL", null);
        JsonNode mobile = only(listed, "PHONE", phoneNumbers.keyOrNull(customer.phone()));
        JsonNode work = only(listed, "PHONE", phoneNumbers.keyOrNull(otherNumber));
        JsonNode account = only(listed, "ACCOUNT", null);
        assertThat(email.get("state").asText()).isEqualTo("MATCHED");
        assertThat(email.get("matchedAccount").asText()).isEqualTo(customer.accountNumber());
        assertThat(List.of(mobile, work, account)).allSatisfy(i -> {
            assertThat(i.get("source").asText()).isEqualTo("FOUND_IN_TEXT");
            assertThat(i.get("state").asText()).isEqualTo("SUGGESTED");
        });

        assertThat(decide("chloe", reference, mobile.get("id").asLong(), "accept")
                        .getStatusCode())
                .as("complaint handlers do not decide")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(decide("olivia", reference, mobile.get("id").asLong(), "accept")
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("CONFIRMED");
        assertThat(decide("olivia", reference, work.get("id").asLong(), "reject")
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("REJECTED");
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        process(pi).isWaitingAt("Task_TriageRequest");

        Map<Long, String> states = new HashMap<>();
        identifierList(reference, "olivia")
                .forEach(i -> states.put(i.get("id").asLong(), i.get("state").asText()));
        assertThat(states)
                .containsEntry(email.get("id").asLong(), "CONFIRMED")
                .containsEntry(mobile.get("id").asLong(), "CONFIRMED")
                .containsEntry(work.get("id").asLong(), "REJECTED")
                .containsEntry(account.get("id").asLong(), "SUGGESTED");
        Subject searched = identifiers.subject(reference);
        assertThat(searched.phoneKeys()).containsExactly(phoneNumbers.keyOrNull(customer.phone()));
        assertThat(searched.accountNumbers())
                .as("a suggestion nobody accepted is never searched")
                .isEmpty();
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("IDENTIFIER_ACCEPTED");
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.detail())
                    .isEqualTo(
                            "identifier #" + mobile.get("id").asLong() + " (phone number, found in the mail's text)");
        });
        ResponseEntity<JsonNode> late =
                decide("olivia", reference, account.get("id").asLong(), "accept");
        assertThat(late.getStatusCode())
                .as("identifiers are fixed once the identity is confirmed")
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void confirmingIsRefusedWhileAGivenAddressMatchesNoAccountAndTheLinkNeverGoesToIt() throws Exception {
        DemoPerson customer = person(170);
        String newAddress = "someone.new.170@example.org";
        ResponseEntity<JsonNode> logged = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "SUBJECT_ACCESS",
                                "channel",
                                "PHONE",
                                "name",
                                customer.name(),
                                "email",
                                newAddress,
                                "phone",
                                customer.phone()),
                        JsonNode.class);
        String reference = logged.getBody().get("reference").asText();
        ProcessInstance pi = instance(reference);
        runJobs(pi);
        process(pi).isWaitingAt("Task_ConfirmIdentity");
        Map<String, JsonNode> byKind = identifiersByKind(reference, "peter");
        assertThat(byKind.get("PHONE").get("state").asText()).isEqualTo("MATCHED");
        assertThat(byKind.get("EMAIL").get("source").asText()).isEqualTo("STRUCTURED_FIELD");
        assertThat(byKind.get("EMAIL").get("state").asText()).isEqualTo("UNMATCHED");

        Task confirm = task(pi, "Task_ConfirmIdentity");
        taskService.claim(confirm.getId(), "peter");
        assertThatThrownBy(() -> taskService.complete(confirm.getId(), Map.of("identityDecision", "CONFIRMED")))
                .hasMessageContaining(
                        "#" + byKind.get("EMAIL").get("id").asLong() + " (email address, given in a field)");
        taskService.setAssignee(confirm.getId(), null);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.request_identifier WHERE request_id = ? AND verified = TRUE",
                        Integer.class,
                        register.get(reference).id()))
                .isZero();

        // The officer accepts the new address (the caller said it is theirs): searched, but not on record.
        decide("peter", reference, byKind.get("EMAIL").get("id").asLong(), "accept");
        work(pi, "Task_ConfirmIdentity", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "peter", Map.of("triageDecision", "PROCEED"));
        work(pi, "Task_SearchManualSystems", "olivia", manualAnswers(reference));
        if (taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_ReviewRedactions")
                        .count()
                > 0) {
            work(
                    pi,
                    "Task_ReviewRedactions",
                    "olivia",
                    Map.of(
                            "redactionDefault",
                            "REDACT",
                            "redactionDefaultReason",
                            "Other people's details are not disclosed",
                            "redactionExceptions",
                            ""));
        }
        work(pi, "Task_ApprovePack", "peter", Map.of("packChecked", true));

        process(pi).isWaitingAt("Task_DeliverPackAnotherWay");
        assertThat(letters(reference)).doesNotContain("pack-ready");
        assertThat(textsOfMailsTo(newAddress)).noneMatch(text -> text.contains("/packs/"));
        assertThat(textsOfMailsTo(customer.email()))
                .noneMatch(text -> text.contains(reference) && text.contains("/packs/"));
    }

    @Test
    void anAddressProvenByAOneTimeCodeAndAcceptedReceivesTheLink() throws Exception {
        DemoPerson customer = person(160);
        String newAddress = "someone.new.160@example.org";
        String reference = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "SUBJECT_ACCESS",
                                "channel",
                                "PHONE",
                                "name",
                                customer.name(),
                                "email",
                                newAddress,
                                "phone",
                                customer.phone()),
                        JsonNode.class)
                .getBody()
                .get("reference")
                .asText();
        ProcessInstance pi = instance(reference);
        runJobs(pi);
        long email =
                identifiersByKind(reference, "peter").get("EMAIL").get("id").asLong();

        ResponseEntity<JsonNode> sent = http.withBasicAuth("peter", "peter")
                .postForEntity("/api/requests/" + reference + "/identifiers/" + email + "/code", null, JsonNode.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        String codeMail = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> textsOfMailsTo(newAddress).stream()
                                .filter(t -> t.contains("confirm that this email address is yours"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        Matcher code = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$").matcher(codeMail);
        assertThat(code.find()).isTrue();
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";
        assertThat(checkCode("peter", reference, email, wrong).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(checkCode("peter", reference, email, code.group(1)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(register.events(register.get(reference).id()))
                .extracting(e -> e.detail())
                .noneMatch(detail -> detail != null && (detail.contains(code.group(1)) || detail.contains(newAddress)));

        decide("peter", reference, email, "accept");
        work(pi, "Task_ConfirmIdentity", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "peter", Map.of("triageDecision", "PROCEED"));
        work(pi, "Task_SearchManualSystems", "olivia", manualAnswers(reference));
        if (taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_ReviewRedactions")
                        .count()
                > 0) {
            work(
                    pi,
                    "Task_ReviewRedactions",
                    "olivia",
                    Map.of(
                            "redactionDefault",
                            "REDACT",
                            "redactionDefaultReason",
                            "Other people's details are not disclosed",
                            "redactionExceptions",
                            ""));
        }
        work(pi, "Task_ApprovePack", "peter", Map.of("packChecked", true));

        process(pi).isEnded();
        assertThat(letters(reference)).contains("pack-ready");
        MimeMessage link = mailFor(reference, "/packs/");
        assertThat(Arrays.stream(link.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(newAddress);
    }

    private ResponseEntity<JsonNode> checkCode(String user, String reference, long identifierId, String code) {
        return http.withBasicAuth(user, user)
                .postForEntity(
                        "/api/requests/" + reference + "/identifiers/" + identifierId + "/code/check",
                        Map.of("code", code),
                        JsonNode.class);
    }

    private ProcessInstance instance(String reference) {
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(reference)
                .singleResult();
        assertThat(pi).as("the process of %s", reference).isNotNull();
        return pi;
    }

    private List<JsonNode> identifierList(String reference, String user) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, user)
                .getForEntity("/api/requests/" + reference + "/identifiers", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(answer.getBody().spliterator(), false).toList();
    }

    /** The request's identifiers by kind, where the test knows there is one of each kind. */
    private Map<String, JsonNode> identifiersByKind(String reference, String user) {
        Map<String, JsonNode> byKind = new HashMap<>();
        for (JsonNode i : identifierList(reference, user)) {
            assertThat(byKind.put(i.get("kind").asText(), i))
                    .as("one %s identifier", i.get("kind").asText())
                    .isNull();
        }
        return byKind;
    }

    /** The one identifier of the kind (and, for phones, with the E.164 key). */
    private JsonNode only(List<JsonNode> listed, String kind, String e164) {
        List<JsonNode> found = listed.stream()
                .filter(i -> i.get("kind").asText().equals(kind))
                .filter(i -> e164 == null
                        || e164.equals(phoneNumbers.keyOrNull(i.get("value").asText())))
                .toList();
        assertThat(found)
                .as("%s identifier %s", kind, e164 == null ? "" : "with the given number")
                .hasSize(1);
        return found.get(0);
    }

    private ResponseEntity<JsonNode> decide(String user, String reference, long identifierId, String decision) {
        return http.withBasicAuth(user, user)
                .postForEntity(
                        "/api/requests/" + reference + "/identifiers/" + identifierId + "/" + decision,
                        null,
                        JsonNode.class);
    }

    private Map<String, Object> manualAnswers(String reference) {
        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(reference)) {
            answers.put(
                    ManualSearchChecklist.answerField(category),
                    "Searched by every verified identifier; nothing found");
            answers.put(ManualSearchChecklist.countField(category), 0L);
        }
        return answers;
    }

    /** The texts of every mail the test mail server delivered to the address. */
    private static List<String> textsOfMailsTo(String address) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage m : TestMailServer.greenMail().getReceivedMessages()) {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            if (to != null
                    && Arrays.stream(to)
                            .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))) {
                texts.add(text(m));
            }
        }
        return texts;
    }

    /** Delivers the mail over real SMTP, lets the intake read the mailbox, and returns the request it opened. */
    private String deliverAndPoll(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).as("poll error: %s", report.error()).isFalse();
        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).as("the intake read the mail").isNotEmpty();
        assertThat(entries.get(0).requestReference())
                .as(
                        "the mail opened a request (outcome %s: %s)",
                        entries.get(0).outcome(), entries.get(0).reason())
                .isNotNull();
        return entries.get(0).requestReference();
    }
}
