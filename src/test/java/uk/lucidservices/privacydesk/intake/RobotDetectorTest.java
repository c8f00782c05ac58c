package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signals that a mail was written by a machine, and that a person's mail is not mistaken for one. */
class RobotDetectorTest {

    private final RobotDetector robots = new RobotDetector();
    private final MailParser parser = new MailParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Auto-Submitted: auto-generated|Auto-Submitted: auto-generated",
                "Precedence: bulk|Precedence: bulk",
                "Precedence: auto_reply|Precedence: auto_reply",
                "X-Autorespond: yes|header x-autorespond",
                "List-Id: <news.example.com>|bulk or list mail (List-Id / List-Unsubscribe)",
                "Content-Type: multipart/report; report-type=disposition-notification; boundary=x|delivery or read report (multipart/report)",
                "Return-Path: <>|bounce (empty Return-Path)",
                "Subject: Out of Office: back Monday|subject of an automatic reply or delivery report",
                "Subject: Undeliverable: your letter|subject of an automatic reply or delivery report"
            })
    void recognisesMachines(String header, String reason) {
        String subject = header.startsWith("Subject:") ? "" : "Subject: hello\r\n";
        IncomingMail mail = parser.parse(RawMail.of(
                ("From: someone@example.com\r\n" + subject + header + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                null));

        assertThat(robots.robotReason(mail)).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Auto-Submitted: no",
                "Precedence: first-class",
                "Subject: I was out of the office when you called",
                "Subject: Re: Automatic reply was rude"
            })
    void aPersonsMailIsNotARobot(String header) {
        String subject = header.startsWith("Subject:") ? "" : "Subject: hello\r\n";
        IncomingMail mail = parser.parse(RawMail.of(
                ("From: someone@example.com\r\n" + subject + header + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                null));

        assertThat(robots.robotReason(mail)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"%PDF-1.7,application/pdf", "GIF89a,image/gif", "hello,", "MZ,"})
    void attachmentTypesComeFromTheirFirstBytes(String start, String type) {
        assertThat(AttachmentStore.sniff((start + "........").getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(type);
    }
}
