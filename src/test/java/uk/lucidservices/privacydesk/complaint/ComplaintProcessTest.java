package uk.lucidservices.privacydesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.lucidservices.privacydesk.ProcessAssertions.assertThat;
import static uk.lucidservices.privacydesk.ProcessAssertions.complete;
import static uk.lucidservices.privacydesk.ProcessAssertions.init;
import static uk.lucidservices.privacydesk.ProcessAssertions.withVariables;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/** The complaint process on the real engine and PostgreSQL, one test per path. */
class ComplaintProcessTest extends DeskIntegrationTest {

    private static final DemoPerson CUSTOMER = TestPeople.person(ComplaintProcessTest.class, 190);

    @Autowired
    ProcessEngine engine;

    @Autowired
    RequestStarter starter;

    @Autowired
    RequestRegister register;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    SentLetters sentLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoDataGenerator demoData;

    @BeforeEach
    void setUp() {
        init(engine);
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    @AfterEach
    void resetClock() {
        TestClock.resetEngineClock();
        identityService.clearAuthentication();
    }

    private Request complaintFrom(String email) {
        return starter.start(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                .name("Complainant")
                .email(email)
                .summary("I want to complain about my bill")
                .loggedBy("test")
                .build());
    }

    private ProcessInstance instance(Request request) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
    }

    private Map<String, Object> complaintRow(Request request) {
        return jdbc.queryForMap("SELECT * FROM records.complaint WHERE request_reference = ?", request.reference());
    }

    private ProcessInstance receivedAndCategorised(Request request, String category) {
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt("Task_CategoriseComplaint");
        complete(
                ProcessAssertions.task(pi),
                withVariables("complaintCategory", category, "relatedReference", "", "linkAccountNumber", ""));
        assertThat(pi).isWaitingAt("Task_ResolveComplaint");
        return pi;
    }

    private String lastMailBodyTo(String address) throws Exception {
        MimeMessage[] all = TestMailServer.greenMail().getReceivedMessages();
        List<MimeMessage> mine = Arrays.stream(all)
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
        return plainText(mine.get(mine.size() - 1));
    }

    /** The decoded text/plain part of a letter (letters go out as text and HTML). */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Test
    void resolvedQuicklyIsAcknowledgedAnsweredAndClosedWithTheOutcomeOnTheCrm() {
        Request request = complaintFrom(CUSTOMER.emailVariants().get(1));
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement");
        Map<String, Object> row = complaintRow(request);
        assertThat(row.get("account_id"))
                .as("matched to the customer's account")
                .isNotNull();
        assertThat(row.get("status")).isEqualTo("OPEN");

        complete(
                ProcessAssertions.task(pi),
                withVariables("complaintCategory", "OTHER", "relatedReference", "", "linkAccountNumber", ""));
        complete(
                ProcessAssertions.task(pi),
                withVariables("outcome", "RESOLVED", "outcomeNote", "Apologised and refunded the call charge"));
        runDueJobs(pi.getId());

        assertThat(pi).isEnded();
        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement", "final-response");
        row = complaintRow(request);
        assertThat(row.get("status")).isEqualTo("CLOSED");
        assertThat(row.get("resolution")).isEqualTo("RESOLVED");
        assertThat(row.get("outcome")).isEqualTo("Apologised and refunded the call charge");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(register.get(request.reference()).status()).isEqualTo("CLOSED");
        // The outcome text lives on the CRM (need to know), not in the engine's history.
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("outcomeNote")
                        .count())
                .isZero();
    }

    @Test
    void aTelecomsDeadlockGetsTheAdrLetterInsteadOfAFinalResponse() throws Exception {
        String email = "deadlock." + UUID.randomUUID() + "@example.org";
        Request request = complaintFrom(email);
        ProcessInstance pi = receivedAndCategorised(request, "SERVICE_BILLING");

        complete(
                ProcessAssertions.task(pi),
                withVariables("outcome", "DEADLOCKED", "outcomeNote", "Customer disputes the early termination fee"));
        runDueJobs(pi.getId());

        assertThat(pi).isEnded();
        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement", "adr-letter");
        String body = lastMailBodyTo(email);
        assertThat(body)
                .contains("not been able to reach an agreement")
                .contains("Our final position: Customer disputes the early termination fee")
                .contains("Communications Ombudsman")
                .contains("https://www.commsombudsman.org")
                .doesNotContain("Ombudsman Services");
        assertThat(complaintRow(request).get("resolution")).isEqualTo("DEADLOCKED");
    }

    @Test
    void aDataProtectionComplaintsFinalLetterNamesTheIco() throws Exception {
        String email = "dp." + UUID.randomUUID() + "@example.org";
        Request request = complaintFrom(email);
        ProcessInstance pi = receivedAndCategorised(request, "DATA_PROTECTION");

        complete(
                ProcessAssertions.task(pi),
                withVariables("outcome", "RESOLVED", "outcomeNote", "Recording deleted as asked"));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement", "final-response");
        assertThat(lastMailBodyTo(email))
                .contains("Recording deleted as asked")
                .contains("Information Commissioner")
                .doesNotContain("Communications Ombudsman");
    }

    @Test
    void aTelecomsComplaintStillOpenAtEightWeeksGetsTheAdrLetterByItself() {
        Request request = complaintFrom("eight.weeks." + UUID.randomUUID() + "@example.org");
        ProcessInstance pi = receivedAndCategorised(request, "SERVICE_BILLING");
        Job eightWeeks = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_OfcomEightWeeks")
                .singleResult();
        // Received Monday 15 June: eight weeks on is Monday 10 August, at the start of the working day.
        Date ofcomPoint = ukTime("2026-08-10T09:00");
        assertThat(eightWeeks.getDuedate()).isEqualTo(ofcomPoint);
        assertThat(register.get(request.reference()).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 8, 10));

        ClockUtil.setCurrentTime(new Date(ofcomPoint.getTime() + 60_000));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).contains("adr-letter");
        assertThat(runtimeService.getVariable(pi.getId(), "adrLetterSent")).isEqualTo(true);
        assertThat(pi).isWaitingAt("Task_ResolveComplaint");
    }

    @Test
    void anUncategorisedComplaintStillGetsTheAdrLetterAtEightWeeks() throws Exception {
        DemoPerson domestic = TestPeople.person(ComplaintProcessTest.class, 421);
        jdbc.update(
                "UPDATE records.crm_account SET customer_type = 'DOMESTIC' WHERE account_number = ?",
                domestic.accountNumber());
        Request request = complaintFrom(domestic.email());
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());
        assertThat(complaintRow(request).get("account_id"))
                .as("matched to the domestic account")
                .isNotNull();
        assertThat(pi).as("nobody has categorised it yet").isWaitingAt("Task_CategoriseComplaint");

        // Received Monday 15 June 2026: eight weeks (56 days) on is Monday 10 August 2026.
        Date ofcomPoint = ukTime("2026-08-10T09:00");
        ClockUtil.setCurrentTime(new Date(ofcomPoint.getTime() + 60_000));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).contains("adr-letter");
        assertThat(lastMailBodyTo(domestic.email())).contains("eight weeks").contains("Communications Ombudsman");
        assertThat(pi).isWaitingAt("Task_CategoriseComplaint");
    }

    @Test
    void theFinalResponseStatesTheHandlersOutcomeAndTheEngineHistoryNeverHoldsIt() throws Exception {
        DemoPerson customer = TestPeople.person(ComplaintProcessTest.class, 423);
        Request request = complaintFrom(customer.email());
        ProcessInstance pi = receivedAndCategorised(request, "OTHER");
        String outcome = "We have refunded the two missed-call charges of 14 May, GBP 3.20 " + UUID.randomUUID();

        complete(ProcessAssertions.task(pi), withVariables("outcome", "RESOLVED", "outcomeNote", outcome));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement", "final-response");
        assertThat(lastMailBodyTo(customer.email())).contains(outcome);
        assertThat(complaintRow(request).get("outcome"))
                .as("on the CRM complaint")
                .isEqualTo(outcome);
        // History, deleted variables included, holds the name at most, never the text.
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .includeDeleted()
                        .list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(outcome));
        assertThat(historyService
                        .createHistoricDetailQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .allSatisfy(d -> assertThat(String.valueOf(d)).doesNotContain(outcome));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM act_hi_varinst WHERE proc_inst_id_ = ? AND text_ LIKE ?",
                        Integer.class,
                        pi.getId(),
                        "%refunded the two missed-call%"))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM act_hi_detail WHERE proc_inst_id_ = ? AND text_ LIKE ?",
                        Integer.class,
                        pi.getId(),
                        "%refunded the two missed-call%"))
                .isZero();
    }

    @Test
    void aBusinessCustomerIsNotOfferedAdrAtEightWeeksOrAtDeadlock() throws Exception {
        // Not every demo person is a customer: the first of these with a CRM account.
        DemoPerson business = IntStream.of(422, 424, 425, 426)
                .mapToObj(i -> TestPeople.person(ComplaintProcessTest.class, i))
                .filter(p -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM records.crm_account WHERE account_number = ?",
                                Integer.class,
                                p.accountNumber())
                        == 1)
                .findFirst()
                .orElseThrow();
        jdbc.update(
                "UPDATE records.crm_account SET customer_type = 'BUSINESS' WHERE account_number = ?",
                business.accountNumber());
        Request request = complaintFrom(business.email());
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());
        assertThat(complaintRow(request).get("account_id"))
                .as("matched to the business account")
                .isNotNull();

        // Eight weeks after Monday 15 June 2026: Monday 10 August 2026; the customer may not use the scheme.
        ClockUtil.setCurrentTime(new Date(ukTime("2026-08-10T09:00").getTime() + 60_000));
        runDueJobs(pi.getId());
        assertThat(lettersSent(request.reference())).doesNotContain("adr-letter");

        complete(
                ProcessAssertions.task(pi),
                withVariables("complaintCategory", "SERVICE_BILLING", "relatedReference", "", "linkAccountNumber", ""));
        complete(
                ProcessAssertions.task(pi),
                withVariables("outcome", "DEADLOCKED", "outcomeNote", "We cannot agree on the line rental"));
        runDueJobs(pi.getId());

        assertThat(pi).isEnded();
        assertThat(lettersSent(request.reference())).contains("final-response").doesNotContain("adr-letter");
        assertThat(lastMailBodyTo(business.email()))
                .contains("We cannot agree on the line rental")
                .doesNotContain("Communications Ombudsman");
    }

    @Test
    void aDataProtectionComplaintOpenAtEightWeeksIsToldOfTheIcoNotTheOmbudsman() throws Exception {
        String email = "dp.eight.weeks." + UUID.randomUUID() + "@example.org";
        Request request = complaintFrom(email);
        ProcessInstance pi = receivedAndCategorised(request, "DATA_PROTECTION");

        ClockUtil.setCurrentTime(new Date(ukTime("2026-08-10T09:00").getTime() + 60_000));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).contains("adr-letter");
        assertThat(lastMailBodyTo(email))
                .contains("eight weeks")
                .contains("Information Commissioner")
                .doesNotContain("Communications Ombudsman");
    }

    @Test
    void theComplainantHearsProgressOnTheConfiguredInterval() {
        Request request = complaintFrom("progress." + UUID.randomUUID() + "@example.org");
        ProcessInstance pi = receivedAndCategorised(request, "OTHER");
        Job progress = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_ProgressUpdate")
                .singleResult();

        ClockUtil.setCurrentTime(new Date(progress.getDuedate().getTime() + 60_000));
        runDueJobs(pi.getId());

        assertThat(lettersSent(request.reference())).containsExactly("complaint-acknowledgement", "complaint-progress");
        assertThat(pi).isWaitingAt("Task_ResolveComplaint");
    }

    @Test
    void anUnmatchedComplaintIsRecordedAndLinkedToItsAccountLater() {
        Request request = complaintFrom("nobody." + UUID.randomUUID() + "@example.org");
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());
        assertThat(complaintRow(request).get("account_id")).isNull();
        assertThat(runtimeService.getVariable(pi.getId(), "accountMatched")).isEqualTo(false);

        complete(
                ProcessAssertions.task(pi),
                withVariables(
                        "complaintCategory",
                        "OTHER",
                        "relatedReference",
                        "SAR-2026-000001",
                        "linkAccountNumber",
                        CUSTOMER.accountNumber().toLowerCase()));

        Map<String, Object> row = complaintRow(request);
        Long accountId = jdbc.queryForObject(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, CUSTOMER.accountNumber());
        assertThat(((Number) row.get("account_id")).longValue()).isEqualTo(accountId);
        assertThat(row.get("related_reference")).isEqualTo("SAR-2026-000001");
        assertThat(runtimeService.getVariable(pi.getId(), "accountMatched")).isEqualTo(true);
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("linkAccountNumber");
    }

    @Test
    void managersAreWarnedBeforeTheInternalTargetByTheSharedClocks() {
        Request request = complaintFrom("clocks." + UUID.randomUUID() + "@example.org");
        ProcessInstance clocks = runtimeService
                .createProcessInstanceQuery()
                .superProcessInstanceId(request.processInstanceId())
                .singleResult();
        assertThat(clocks).as("the complaint runs the shared SLA clocks").isNotNull();
        Job escalation = managementService
                .createJobQuery()
                .processInstanceId(clocks.getId())
                .activityId("Timer_Escalation")
                .singleResult();
        // Received Monday 15 June: internal target 13 July, managers warned a week before, at 08:00.
        assertThat(escalation.getDuedate()).isEqualTo(ukTime("2026-07-06T08:00"));
        assertThat(register.get(request.reference()).escalationDate()).isEqualTo(LocalDate.of(2026, 7, 6));
    }

    @Test
    void complaintsAreNeedToKnowInTheEngine() {
        Request request = complaintFrom("need.to.know." + UUID.randomUUID() + "@example.org");
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());
        String id = pi.getId();

        identityService.setAuthentication("olivia", List.of(DeskGroups.PRIVACY_OFFICERS));
        assertThat(taskService.createTaskQuery().processInstanceId(id).count()).isZero();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(id)
                        .count())
                .isZero();
        assertThatThrownBy(() -> runtimeService.getVariables(id)).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        for (var user : Map.of("chloe", DeskGroups.COMPLAINT_HANDLERS, "mark", DeskGroups.MANAGERS)
                .entrySet()) {
            identityService.setAuthentication(user.getKey(), List.of(user.getValue()));
            assertThat(taskService.createTaskQuery().processInstanceId(id).count())
                    .as(user.getKey())
                    .isEqualTo(1);
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(id)
                            .count())
                    .as(user.getKey())
                    .isEqualTo(1);
            assertThat(runtimeService.getVariables(id)).as(user.getKey()).containsKey("complaintId");
            identityService.clearAuthentication();
        }
    }
}
