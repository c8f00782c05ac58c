package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Robots are logged and get nothing; mail in any common shape is read; bad input is quarantined
 * with a reason and a triage task, never dropped, and never stops the poller.
 */
class RobotsAndBadInputTest extends IntakeTestSupport {

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAutoReplyStartsNothingAndGetsNoReply() {
        TestMail autoReply = TestMail.from("Away Person")
                .subject("Automatic reply: Your request")
                .header("Auto-Submitted", "auto-replied")
                .text("I am out of the office until Monday.\n\n> Please send me a copy of my data");

        IntakeLog.Entry entry = deliverAndPoll(autoReply);

        assertRobot(entry, autoReply, "Auto-Submitted: auto-replied");
    }

    @Test
    void anXAutoreplyHeaderMarksARobotEvenWhenTheWordsLookLikeARequest() {
        TestMail autoReply = TestMail.from("Robot Responder")
                .subject("Delete my data")
                .header("X-Autoreply", "yes")
                .text("Please delete my data");

        assertRobot(deliverAndPoll(autoReply), autoReply, "header x-autoreply");
    }

    @Test
    void aBounceStartsNothingAndGetsNoReply() {
        TestMail bounce = TestMail.fromHeader("Mail Delivery System <MAILER-DAEMON@mx.example.net>")
                .subject("Undelivered Mail Returned to Sender")
                .rawBody("multipart/report; report-type=delivery-status; boundary=\"B1\"", """
                        --B1\r
                        Content-Type: text/plain\r
                        \r
                        Your message could not be delivered. Please send me a copy of my data.\r
                        --B1\r
                        Content-Type: message/delivery-status\r
                        \r
                        Reporting-MTA: dns; mx.example.net\r
                        Final-Recipient: rfc822; nobody@example.com\r
                        Action: failed\r
                        Status: 5.1.1\r
                        --B1--\r
                        """);
        // GreenMail takes no null reverse-path (MAIL FROM:<>), so the bounce comes from the daemon's address.
        Smtp.send(
                TestMailServer.smtpPort(),
                "MAILER-DAEMON@mx.example.net",
                TestMailServer.PRIVACY_MAILBOX,
                bounce.bytes());
        poll();

        IntakeLog.Entry entry = entry(bounce);
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.ROBOT);
        assertThat(entry.reason()).contains("multipart/report");
        assertThat(entry.requestId()).isNull();
        assertThat(entry.triageInstanceId()).isNull();
        assertThat(mailsTo("MAILER-DAEMON@mx.example.net")).isEmpty();
    }

    @Test
    void anHtmlOnlyMailIsReadAndClassified() {
        TestMail mail = TestMail.from("Lia Wong")
                .subject("Request")
                .html("<html><body><div>Hello,</div><p>Please <b>delete</b> my&nbsp;call recordings.</p>"
                        + "<blockquote>Please send me a copy of my data</blockquote></body></html>");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.ERASURE);
    }

    @Test
    void anIso88591MailIsDecodedWithItsNameAndPoundSign() {
        TestMail mail = TestMail.fromHeader(
                        "=?ISO-8859-1?Q?Zo=EB_Br=F4nte?= <zoe.bronte." + System.nanoTime() + "@example.com>")
                .subject("=?ISO-8859-1?Q?Facture_=E9lev=E9e?=")
                .text(
                        "I want to complain about my bill: it is \u00a330 too much.\nZo\u00eb",
                        StandardCharsets.ISO_8859_1);

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.COMPLAINT);
        Request request = register.get(entry.requestReference());
        assertThat(request.requesterName()).isEqualTo("Zo\u00eb Br\u00f4nte");
        assertThat(entry.subject()).isEqualTo("Facture \u00e9lev\u00e9e");
    }

    @Test
    void aBase64BodyIsDecodedAndClassified() {
        TestMail mail =
                TestMail.from("Max Bell").subject("Hello").base64Text("Could you please send me a copy of my data?");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(entry.requestType()).isEqualTo(RequestType.SUBJECT_ACCESS);
    }

    @Test
    void aMailWithA20MbAttachmentIsQuarantinedUnreadAndKeptOnTheServer() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        TestMail mail = TestMail.from("Ned Hill")
                .subject("My passport for my data request")
                .text("Please send me a copy of my data")
                .attach("passport.pdf", "application/pdf", big);

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.QUARANTINED);
        assertThat(entry.reason()).startsWith("too large");
        assertThat(entry.requestId()).isNull();
        assertThat(entry.triageInstanceId()).isNotNull();
        assertThat(entry.sizeBytes()).isGreaterThan(20L * 1024 * 1024);
        assertThat(Files.size(files.resolve(entry.rawFile())))
                .as("only the headers were taken in")
                .isLessThan(10_000);
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId())).isZero();
        assertThat(PrivacyMailbox.count("Processed", mail.messageId()))
                .as("the mail itself is kept on the server")
                .isEqualTo(1);
    }

    @Test
    void malformedMimeIsQuarantinedAndTheNextMailIsStillRead() throws Exception {
        TestMail broken = TestMail.from("Olga Ray")
                .subject("Please send me a copy of my data")
                .rawBody("multipart/mixed; boundary=\"NEVER-THERE\"", "This body has no parts at all.\r\n");
        TestMail good = TestMail.from("Pat Quinn").subject("SAR").text("Please send me a copy of my data");
        deliver(broken);
        deliver(good);

        poll();

        IntakeLog.Entry quarantined = entry(broken);
        assertThat(quarantined.outcome()).isEqualTo(IntakeOutcome.QUARANTINED);
        assertThat(quarantined.reason()).startsWith("malformed MIME");
        assertThat(quarantined.triageInstanceId()).isNotNull();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(quarantined.triageInstanceId())
                        .count())
                .isEqualTo(1);
        // No request started: none logged for the mail, none in the register for its sender.
        assertThat(quarantined.requestId()).isNull();
        assertThat(requestsFrom(broken.address())).isZero();
        // No reply went out, even once the triage's own steps have run.
        runDueJobs(quarantined.triageInstanceId());
        assertThat(mailsTo(broken.address())).isEmpty();
        // The raw mail is kept, as it came, on the desk and on the server.
        assertThat(quarantined.rawFile()).isNotNull();
        String raw = Files.readString(files.resolve(quarantined.rawFile()), StandardCharsets.ISO_8859_1);
        assertThat(raw)
                .contains(broken.messageId())
                .contains("boundary=\"NEVER-THERE\"")
                .contains("This body has no parts at all.");
        assertThat(PrivacyMailbox.count("INBOX", broken.messageId())).isZero();
        assertThat(PrivacyMailbox.count("Processed", broken.messageId())).isEqualTo(1);

        IntakeLog.Entry started = entry(good);
        assertThat(started.outcome()).isEqualTo(IntakeOutcome.STARTED);
        assertThat(requestsFrom(good.address()))
                .as("the same query finds the good mail's request")
                .isEqualTo(1);
    }

    private long requestsFrom(String address) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.request WHERE lower(requester_email) = lower(?)", Long.class, address);
    }

    @Test
    void aMailWithoutFromIsQuarantined() {
        TestMail mail =
                TestMail.from("Nobody").withoutFrom().subject("delete my data").text("please delete my data");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.QUARANTINED);
        assertThat(entry.reason()).isEqualTo("no usable sender address (From)");
        assertThat(entry.triageInstanceId()).isNotNull();
    }

    @Test
    void aMailFromTheDesksOwnAddressIsQuarantinedNotAnswered() {
        TestMail mail = TestMail.fromHeader("Lucid Services Privacy Team <privacy@lucidservices.uk>")
                .subject("Please send me a copy of my data")
                .text("Please send me a copy of my data");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.QUARANTINED);
        assertThat(entry.reason()).isEqualTo("sent from the desk's own address");
        assertThat(entry.requestId()).isNull();
    }

    private void assertRobot(IntakeLog.Entry entry, TestMail mail, String reason) {
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.ROBOT);
        assertThat(entry.reason()).isEqualTo(reason);
        assertThat(entry.requestId()).isNull();
        assertThat(entry.triageInstanceId()).isNull();
        assertThat(entry.rawFile()).as("a robot's mail is logged, not kept").isNull();
        assertThat(mailsTo(mail.address())).isEmpty();
        assertThat(PrivacyMailbox.count("INBOX", mail.messageId()))
                .as("moved out of the inbox")
                .isZero();
    }
}
