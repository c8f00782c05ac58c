package uk.lucidservices.privacydesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * A real browser (Debian's Chromium, headless, through Debian's chromedriver) works the desk as staff
 * do: a mail arrives; a privacy officer triages it in Tasklist, reading it inside the form; a second
 * officer confirms the identity from the identifiers the form shows; the first triages the request,
 * answers the manual-search checklist and decides each item about other people; the second approves
 * the pack; a manager opens the SLA dashboard in Cockpit; an officer who opens Cockpit gets the
 * desk's own page. The job executor is off in tests, so the test runs the due jobs between steps as
 * the executor would. Screenshots of each form: {@code target/screenshots/}.
 * <p>
 * Its person: the first demo person (not a tenth one, which other classes use) whose account has a
 * complaint, so the redaction review has items about other people.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistJourneyTest extends DeskIntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestStarter starter;

    @Autowired
    RequestRegister register;

    @Autowired
    IdentityService identityService;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium from Debian: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(Path.of(CHROMEDRIVER))
                .as("chromedriver from Debian: apt-get install -y chromium-driver")
                .isExecutable();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // No sandbox: the test JVM runs in a user namespace (src/test/jvm-as-ordinary-user), where
        // Chromium's own sandbox cannot start.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1300",
                "--user-data-dir=" + Files.createTempDirectory("desk-chromium"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    /** What the browser showed when a step ended, passed or not: the first thing to look at when one fails. */
    @AfterEach
    void lastScreen(TestInfo test) throws IOException {
        String name = "last-" + test.getTestMethod().orElseThrow().getName();
        screenshot(name);
        // The browser's console, for a page that did not come up.
        Files.write(
                SCREENSHOTS.resolve(name + ".log"),
                browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(entry -> entry.getLevel() + " " + entry.getMessage())
                        .toList());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void twoOfficersWorkASubjectAccessRequestFromTheMailToTheApprovedPackInTasklist() throws Exception {
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
        DemoPerson person = personWithAComplaint();
        TestMail mail = TestMail.fromHeader(
                        person.name() + " <" + person.emailVariants().get(1) + ">")
                .subject("My information")
                .text("Hello, could you tell me what you have on file about me? Thanks, " + person.firstName());
        Smtp.send(
                TestMailServer.smtpPort(), person.emailVariants().get(1), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        assertThat(poller.pollOnce().failed()).isFalse();
        IntakeLog.Entry entry = intakeLog.findByMessageId(mail.messageId()).get(0);
        Task triage = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("MAIL-" + entry.id())
                .singleResult();
        assertThat(triage).as("the mail waits for a person").isNotNull();

        // Olivia triages the mail: the form shows the mail itself.
        signIn("olivia", "olivia", "tasklist");
        claim(triage);
        WebElement shown =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-mail .desk-mail-text")));
        assertThat(shown.getText()).contains("what you have on file about me");
        assertThat(text("#desk-mail dl"))
                .contains(person.emailVariants().get(1))
                .contains("My information");
        assertThat(text("body")).as("the task's name").contains("Triage the mail · MAIL-" + entry.id());
        new Select(find("#desk-decision")).selectByValue("SUBJECT_ACCESS");
        screenshot("01-triage-the-mail");
        complete(triage);
        runDueJobs(triage.getProcessInstanceId());

        String sarReference = intakeLog.find(entry.id()).orElseThrow().requestReference();
        assertThat(sarReference).startsWith("SAR-");
        String sar = accessProcess(sarReference);
        runDueJobs(sar);

        // Peter confirms the identity: each identifier, where it came from and the account it matched.
        Task confirm = claimAs("peter", sar, "Task_ConfirmIdentity");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-identifiers table")));
        assertThat(text("#desk-identifiers").toLowerCase())
                .contains(person.email().toLowerCase())
                .contains("the mail's sender");
        assertThat(text("#desk-request")).contains(person.name()).contains(person.accountNumber());
        assertThat(text("body")).as("the task's name").contains(sarReference + " · subject access");
        find("input[name='deskIdentity'][value='CONFIRMED']").click();
        screenshot("02-confirm-identity");
        complete(confirm);
        runDueJobs(sar);

        // Olivia triages the request, reading its mail in the form, and answers the manual-search checklist.
        Task triageRequest = claimAs("olivia", sar, "Task_TriageRequest");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-mails .desk-mail-text")));
        assertThat(text("#desk-mails .desk-mail-text")).contains("what you have on file about me");
        assertThat(text("#desk-mails dl.desk-headers"))
                .contains(person.emailVariants().get(1))
                .contains("My information");
        assertThat(text("#desk-request")).contains(sarReference).contains(person.name());
        new Select(find("#desk-decision")).selectByValue("PROCEED");
        screenshot("03-triage-the-request");
        complete(triageRequest);
        runDueJobs(sar);

        Task manual = task(sar, "Task_SearchManualSystems");
        claim(manual);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-identifiers ul")));
        assertThat(text("#desk-identifiers").toLowerCase())
                .contains(person.email().toLowerCase());
        for (WebElement system : browser.findElements(By.cssSelector(".desk-system"))) {
            system.findElement(By.cssSelector(".desk-done")).click();
            system.findElement(By.cssSelector(".desk-answer"))
                    .sendKeys("Searched by name, email and phone: nothing found");
        }
        screenshot("04-manual-search-checklist");
        complete(manual);
        runDueJobs(sar);

        // Each item about other people, with its text and its own decision.
        Task redactions = task(sar, "Task_ReviewRedactions");
        claim(redactions);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.desk-redaction-items")));
        List<WebElement> decisions = browser.findElements(By.cssSelector("select[data-item]"));
        assertThat(decisions).as("flagged items, one decision each").isNotEmpty();
        assertThat(text("table.desk-redaction-items")).contains("complaint");
        new Select(find("#desk-default")).selectByValue("KEEP");
        find("#desk-default-reason").sendKeys("Staff acting in their work role; reasonable to disclose");
        new Select(decisions.get(0)).selectByValue("REDACT");
        find("input[data-reason-for='" + decisions.get(0).getAttribute("data-item") + "']")
                .sendKeys("Names another customer, who has not consented");
        screenshot("05-redaction-review");
        complete(redactions);
        runDueJobs(sar);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.redaction_item WHERE reference = ? AND decision = 'REDACT'",
                        Integer.class,
                        sarReference))
                .as("the per-item decision reached the desk")
                .isEqualTo(1);

        // Peter, not the preparer, approves the pack.
        Task approve = claimAs("peter", sar, "Task_ApprovePack");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.desk-pack-summary")));
        assertThat(text("table.desk-pack-summary"))
                .contains("Records found by the search")
                .contains("Items about other people reviewed")
                .contains("Prepared by");
        assertThat(find("a.desk-pack-link").getAttribute("href"))
                .endsWith("/api/access-requests/" + sarReference + "/pack");
        click("#desk-pack-checked");
        screenshot("06-approve-pack");
        complete(approve);
        runDueJobs(sar);
        assertThat(taskService.createTaskQuery().processInstanceId(sar).list())
                .as("nothing left for staff")
                .isEmpty();
    }

    @Test
    @Order(2)
    void aManagerSeesTheDashboardInCockpitAndAnOfficerGetsTheDesksPage() throws Exception {
        // An open request waiting for ID (the address is on no account), so the table has a row.
        Request open = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Ida Journey")
                .email("ida." + UUID.randomUUID() + "@example.com")
                .loggedBy("intake")
                .build());
        signIn("mark", "mark", "cockpit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".privacy-desk-report svg[data-chart='received']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".privacy-desk-sla table")));
        assertThat(browser.getTitle()).contains("Lucid Privacy Desk");
        assertThat(text(".privacy-desk-sla"))
                .contains("Received per week")
                .contains("Answered on time")
                .contains("Open requests by days left")
                .contains("Download the table (CSV)");
        WebElement link = find(".privacy-desk-sla tr[data-reference='" + open.reference() + "'] a");
        assertThat(link.getText()).isEqualTo(open.reference());
        assertThat(link.getAttribute("href")).endsWith("#/process-instance/" + open.processInstanceId() + "/runtime");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream()
                        .noneMatch(WebElement::isDisplayed))
                .as("no end-of-life banner")
                .isTrue();
        screenshot("07-cockpit-dashboard");

        // The request's SLA clocks as Cockpit draws them: one wait with the four timers on it.
        String clocks = runtimeService
                .createProcessInstanceQuery()
                .superProcessInstanceId(open.processInstanceId())
                .singleResult()
                .getId();
        browser.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + clocks + "/runtime");
        wait.until(d -> d.getPageSource().contains("data-element-id=\"Task_AwaitRequestClosed\""));
        String diagram = browser.getPageSource();
        for (String clock : List.of("Reminder", "Escalation", "InternalTarget", "StatutoryDeadline")) {
            assertThat(diagram)
                    .contains("data-element-id=\"Timer_" + clock + "\"")
                    .contains("data-element-id=\"Timer_" + clock + "Again\"");
        }
        screenshot("07b-cockpit-sla-clocks");

        signIn("olivia", "olivia", "tasklist");
        browser.get(base() + "/camunda/app/cockpit/default/");
        wait.until(d -> d.getPageSource().contains("Lucid Privacy Desk")
                && !d.getPageSource().contains("Whitelabel"));
        screenshot("08-officer-opens-cockpit");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    @Test
    @Order(3)
    void anOfficerConfirmsAnotherReviewsAndAManagerAuthorisesAnErasureInTasklist() throws Exception {
        DemoPerson person = TestPeople.person(TasklistJourneyTest.class, 270);
        Request request = starter.start(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(person.name())
                .email(person.emailVariants().get(1))
                .summary("Please delete everything you hold about me")
                .loggedBy("intake")
                .build());
        String erasure = request.processInstanceId();
        runDueJobs(erasure);

        // Peter confirms the identity; the form shows the request and where each identifier came from.
        Task confirm = claimAs("peter", erasure, "Task_ConfirmIdentity");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-identifiers table")));
        assertThat(text("#desk-identifiers").toLowerCase())
                .contains(person.email().toLowerCase());
        // Saved as "on no account" until the identity step assesses it; the form shows it as it will be judged.
        assertThat(register.identifiers(register.get(request.reference()).id()))
                .filteredOn(i -> i.kind().equals("EMAIL"))
                .extracting(i -> i.state().name())
                .containsExactly("UNMATCHED");
        assertThat(find("#desk-identifiers tr[data-identifier]").getAttribute("data-state"))
                .isEqualTo("MATCHED");
        assertThat(text("#desk-identifiers")).contains("matched").contains(person.accountNumber());
        // An erasure's form shows the request's dates (a month from 15 June), not yet a case file.
        assertThat(text("#desk-request")).contains(request.reference()).contains("2026-07-15 (30 days left)");
        assertThat(text("body")).as("the task's name").contains(request.reference() + " · erasure");
        find("input[name='deskIdentity'][value='CONFIRMED']").click();
        assertThat(text("#desk-request"))
                .as("the request's words, to choose the scope")
                .contains("In their words");
        find("#desk-erasure-scope").sendKeys("ALL");
        screenshot("09-erasure-confirm-identity");
        complete(confirm);
        runDueJobs(erasure);

        // Olivia reviews the preview: per category its system, action and record count.
        Task review = claimAs("olivia", erasure, "Task_ReviewErasurePreview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.desk-erasure-preview")));
        assertThat(text("table.desk-erasure-preview"))
                .contains("call-recordings")
                .contains("Telephone system (PBX)")
                .contains("Delete");
        screenshot("10-erasure-preview-review");
        complete(review);
        runDueJobs(erasure);

        // Mark, a manager who neither prepared nor reviewed it, reads the plan and approves.
        Task authorise = claimAs("mark", erasure, "Task_AuthoriseErasure");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.desk-erasure-plan")));
        assertThat(text("table.desk-erasure-plan"))
                .contains("Category")
                .contains("call-recordings")
                .contains("Telephone system (PBX)")
                .contains("Delete")
                .contains("Keep");
        assertThat(text("#desk-authorisation")).contains("Approve the erasure").contains("Refuse the erasure");
        // Refusing without a reason is refused by the form, and the task stays open.
        click("input[name='deskApproved'][value='false']");
        click("button[ng-click='complete()']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".desk-form-error"), "Give the reason to refuse."));
        assertThat(taskService.createTaskQuery().taskId(authorise.getId()).count())
                .isEqualTo(1);
        click("input[name='deskApproved'][value='true']");
        screenshot("11-erasure-authorisation");
        complete(authorise);
        runDueJobs(erasure);

        // Peter erases the social-media messages by hand and records it with a screenshot as evidence.
        Task byHand = claimAs("peter", erasure, "Task_EraseByHand");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".desk-by-hand")));
        assertThat(text("#desk-by-hand"))
                .as("the data map's words, not its ids")
                .contains("Social media messages")
                .contains("Social media platforms")
                .contains("Not recorded yet.");
        // Completing before recording is refused by the form, and the task stays open.
        click("button[ng-click='complete()']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".desk-form-error"), "Social media messages: record it"));
        click(".desk-by-hand input[type='radio'][value='DONE']");
        find(".desk-by-hand-text").sendKeys("Deleted both messages in the page inbox");
        Path shot = Files.createTempFile("inbox-after", ".png");
        Files.write(shot, PDF);
        find(".desk-by-hand-file").sendKeys(shot.toAbsolutePath().toString());
        click(".desk-by-hand-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".desk-by-hand-status"), "Recorded: erased by peter (evidence: note, 1 file(s))"));
        screenshot("11b-erasure-by-hand");
        complete(byHand);
        runDueJobs(erasure);

        // Art. 19 notices to each recipient (a Camunda Form, worked through the engine here).
        for (Task notice = openTask(erasure); notice != null; notice = openTask(erasure)) {
            assertThat(notice.getTaskDefinitionKey()).isEqualTo("Task_NotifyRecipient");
            String recipient = (String) taskService.getVariable(notice.getId(), "recipient");
            identityService.setAuthentication("peter", List.of(DeskGroups.PRIVACY_OFFICERS));
            try {
                taskService.complete(
                        notice.getId(),
                        recipient.startsWith("TPS")
                                ? Map.of(
                                        "noticeStatus",
                                        "IMPOSSIBLE",
                                        "noticeNote",
                                        "The screening service keeps no copy")
                                : Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Told by internal memo"));
            } finally {
                identityService.clearAuthentication();
            }
            runDueJobs(erasure);
        }
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(erasure)
                        .count())
                .as("the erasure ended")
                .isZero();
        assertThat(register.get(request.reference()).outcome())
                .as("erased, keeping what the data map keeps")
                .isEqualTo("ERASED_IN_PART");
    }

    @Test
    @Order(4)
    void anOfficerChecksAStrangersIdDecidingEachIdentifierInTheFormThenRefusesTheRequest() throws Exception {
        // Someone on no account asks by mail, quoting a phone number in the text (a suggestion): the desk asks for ID.
        TestMail stranger = TestMail.from("Quinn Journey");
        String reference = deliverAndPoll(stranger.subject("Subject access request")
                .text("Please send me a copy of all the personal data you hold about me. Call me on 07700 900461."));
        String sar = accessProcess(reference);
        runDueJobs(sar);
        deliverAndPoll(TestMail.fromHeader(stranger.fromHeader())
                .subject("Re: Please confirm your identity [" + reference + "]")
                .text("Here is my passport.")
                .attach("passport.pdf", "application/pdf", PDF));
        runDueJobs(sar);

        // Peter reads the reply and its attachment in the form, and decides each identifier on its row.
        Task check = claimAs("peter", sar, "Task_CheckIdDocument");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-reply .desk-mail-text")));
        assertThat(text("#desk-reply .desk-mail-text")).contains("Here is my passport.");
        assertThat(text("#desk-reply .desk-attachments")).contains("passport.pdf");
        assertThat(find("#desk-reply .desk-attachments a").getAttribute("href")).contains("/api/intake/mails/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-identifiers table")));
        WebElement email = identifierRow(stranger.address());
        WebElement phone = identifierRow("7700");
        // Ids, not elements: each decision draws the table afresh.
        String emailId = email.getAttribute("data-identifier");
        String phoneId = phone.getAttribute("data-identifier");
        assertThat(email.getAttribute("data-state")).isEqualTo("UNMATCHED");
        assertThat(email.getText()).contains("the mail's sender").contains("on no account");
        assertThat(phone.getAttribute("data-state")).isEqualTo("SUGGESTED");
        assertThat(phone.getText()).contains("found in the mail's text");
        screenshot("12-check-id-document-before");

        // Confirming with an identifier undecided is refused by the desk, and the task stays.
        click("input[name='deskIdentity'][value='CONFIRMED']");
        click("button[ng-click='complete()']");
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("cannot be confirmed yet"));
        assertThat(taskService.createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);
        for (WebElement close : browser.findElements(By.cssSelector(".notifications .close, .alert .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }

        click("#desk-identifiers tr[data-identifier='" + emailId + "'] button[data-decision='accept']");
        wait.until(d -> "CONFIRMED".equals(stateOf(stranger.address())));
        click("#desk-identifiers tr[data-identifier='" + phoneId + "'] button[data-decision='reject']");
        wait.until(d -> "REJECTED".equals(stateOf("7700")));
        assertThat(identifierRow(stranger.address()).getText()).contains("accepted");
        assertThat(register.events(register.get(reference).id()).stream()
                        .filter(e -> e.kind().startsWith("IDENTIFIER_"))
                        .map(e -> e.kind() + " by " + e.actor()))
                .as("each decision recorded, by the signed-in officer")
                .containsExactly("IDENTIFIER_ACCEPTED by peter", "IDENTIFIER_REJECTED by peter");
        click("input[name='deskIdentity'][value='CONFIRMED']");
        screenshot("12-check-id-document");
        complete(check);
        runDueJobs(sar);

        // Olivia refuses it as manifestly excessive: the reason field appears for that decision only.
        Task triage = claimAs("olivia", sar, "Task_TriageRequest");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-mails .desk-mail-text")));
        assertThat(browser.findElements(By.cssSelector("#desk-mails .desk-mail")))
                .as("the request and the reply")
                .hasSize(2);
        assertThat(text("#desk-mails")).contains("Call me on 07700 900461").contains("passport.pdf");
        assertThat(find("#desk-refuse").isDisplayed()).isFalse();
        new Select(find("#desk-decision")).selectByValue("REFUSE");
        click("button[ng-click='complete()']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".desk-form-error"), "Give the reason for refusing"));
        find("#desk-refusal-reason").sendKeys("The fifth identical request this month");
        screenshot("13-triage-refuse");
        complete(triage);
        runDueJobs(sar);
        assertThat(task(sar, "Task_ApproveRefusal"))
                .as("a manager signs the refusal off")
                .isNotNull();
        assertThat(runtimeService.getVariables(sar))
                .as("the reason stays out of the process")
                .doesNotContainKey("refusalReason");
    }

    @Test
    @Order(5)
    void everySignInPageIsLucidPrivacyDesksNotTheVendors() throws Exception {
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            browser.manage().deleteAllCookies();
            browser.get(base() + "/camunda/app/" + app + "/default/?open=" + System.nanoTime());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
            WebElement header = find(".form-signin .login-header");
            String name = (String) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return getComputedStyle(arguments[0], '::before').content",
                            find(".form-signin .login-header .app-name"));
            assertThat(name).as(app).isEqualTo("\"Lucid Privacy Desk\"");
            assertThat(header.findElements(By.cssSelector(".login-logo svg")).stream()
                            .noneMatch(WebElement::isDisplayed))
                    .as("%s: no Camunda logo", app)
                    .isTrue();
            assertThat(text("body")).as(app).doesNotContain("Welcome to Camunda");
            assertThat(browser.getTitle()).as(app).contains("Lucid Privacy Desk");
            screenshot("00-sign-in-" + app);
        }
    }

    // --- the person ---

    private DemoPerson personWithAComplaint() {
        // This class's own demo person, who is in every system and so has a complaint on the CRM.
        List<String> accounts = jdbc.queryForList("""
                SELECT a.account_number FROM records.crm_account a
                WHERE EXISTS (SELECT 1 FROM records.complaint c WHERE c.account_id = a.id)
                ORDER BY a.account_number""", String.class);
        return TestPeople.claimedBy(TasklistJourneyTest.class).stream()
                .filter(i -> accounts.contains("LS" + (100000 + i)))
                .findFirst()
                .map(i -> TestPeople.person(TasklistJourneyTest.class, i))
                .orElseThrow(() -> new AssertionError("none of this class's demo people has a complaint"));
    }

    private WebElement identifierRow(String containing) {
        return browser.findElements(By.cssSelector("#desk-identifiers tr[data-identifier]")).stream()
                .filter(row -> row.getText().contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no identifier row with " + containing));
    }

    private String accessProcess(String reference) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .processDefinitionKey("subject-access-request")
                .singleResult()
                .getId();
    }

    /** The identifier's state as the form shows it; null while the table is being drawn afresh. */
    private String stateOf(String containing) {
        try {
            return identifierRow(containing).getAttribute("data-state");
        } catch (StaleElementReferenceException | AssertionError redrawing) {
            return null;
        }
    }

    private String deliverAndPoll(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        assertThat(poller.pollOnce().failed()).isFalse();
        String reference = intakeLog.findByMessageId(mail.messageId()).get(0).requestReference();
        assertThat(reference).as("the mail opened or matched a request").isNotNull();
        return reference;
    }

    // --- the browser, as a person uses it ---

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(String user, String password, String app) {
        browser.manage().deleteAllCookies();
        browser.get(base() + "/camunda/app/" + app + "/default/");
        WebElement name =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        name.clear();
        name.sendKeys(user);
        find("input[type='password']").sendKeys(password);
        find("form button[type='submit']").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /** Signs in as the user (password = user name, as the demo users have) and claims the task. */
    private Task claimAs(String user, String processInstanceId, String taskKey) {
        signIn(user, user, "tasklist");
        Task task = task(processInstanceId, taskKey);
        claim(task);
        return task;
    }

    private void claim(Task task) {
        // A fresh page each time (a new query string): Tasklist reloaded from the browser's cache
        // carries the CSP nonce of an earlier page, and its scripts are refused. A page whose scripts
        // carried another concurrent response's nonce (a bare spinner, once retried here) was
        // Camunda's nonce kept in the servlet context: security.WebappNonceScope keeps it per request.
        browser.get(base() + "/camunda/app/tasklist/default/?open=" + System.nanoTime() + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    }

    private void complete(Task task) {
        // Centred first: on a long form the task's footer can cover the button at the bottom edge.
        WebElement button = find("button[ng-click='complete()']");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private Task task(String processInstanceId, String taskKey) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    private Task openTask(String processInstanceId) {
        return taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
    }

    /** Centred first: Tasklist's footer covers the bottom edge of a long form. */
    private void click(String css) {
        WebElement element = find(css);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private String text(String css) {
        return find(css).getText();
    }

    private void screenshot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur()");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
