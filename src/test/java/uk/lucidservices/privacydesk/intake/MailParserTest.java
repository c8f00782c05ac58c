package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mail as mail programs actually write it comes out as text a person (and the classifier) can read. */
class MailParserTest {

    private final MailParser parser = new MailParser();

    private IncomingMail parse(String raw, Charset charset) {
        return parser.parse(
                RawMail.of(raw.replace("\n", "\r\n").getBytes(charset), Instant.parse("2026-03-03T10:15:00Z")));
    }

    @Test
    void latin1LabelledMailWrittenInWindows1252KeepsItsCurlyQuotesAndPoundSign() {
        byte[] body = "I\u2019m owed \u00a330 \u2013 please refund".getBytes(Charset.forName("windows-1252"));
        String head = "From: a@example.com\r\nSubject: Refund\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n";
        byte[] raw = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, raw, 0, head.length());
        System.arraycopy(body, 0, raw, head.length(), body.length);

        IncomingMail mail = parser.parse(RawMail.of(raw, null));

        assertThat(mail.text()).isEqualTo("I\u2019m owed \u00a330 \u2013 please refund");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8() {
        IncomingMail mail = parse("""
                From: a@example.com
                Subject: x
                Content-Type: text/plain; charset=x-unknown-charset

                Caf\u00e9 cr\u00e8me
                """, StandardCharsets.UTF_8);

        assertThat(mail.problem()).isNull();
        assertThat(mail.text()).contains("Caf\u00e9 cr\u00e8me");
    }

    @Test
    void multipartAlternativePrefersThePlainTextAndHtmlOnlyBecomesText() {
        IncomingMail both = parse("""
                From: a@example.com
                Subject: x
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                plain words
                --b
                Content-Type: text/html; charset=utf-8

                <p>html words</p>
                --b--
                """, StandardCharsets.UTF_8);
        IncomingMail htmlOnly = parse("""
                From: a@example.com
                Subject: x
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style></head><body><p>First&nbsp;line</p><p>Second &amp; last</p>
                <div class="gmail_quote">On Monday you wrote: delete everything</div></body></html>
                """, StandardCharsets.UTF_8);

        assertThat(both.text().strip()).isEqualTo("plain words");
        assertThat(htmlOnly.text()).isEqualTo("First line\n\nSecond & last");
    }

    @Test
    void encodedWordsInFromAndSubjectAreDecoded() {
        IncomingMail mail = parse("""
                From: =?UTF-8?B?w4lsb2TDrWUgTcO8bGxlcg==?= <elo@example.com>
                Subject: =?UTF-8?Q?Donn=C3=A9es_personnelles?=
                Content-Type: text/plain

                x
                """, StandardCharsets.UTF_8);

        assertThat(mail.fromName()).isEqualTo("\u00c9lod\u00ede M\u00fcller");
        assertThat(mail.fromAddress()).isEqualTo("elo@example.com");
        assertThat(mail.subject()).isEqualTo("Donn\u00e9es personnelles");
    }

    @Test
    void aBrokenBase64BodyIsAProblemNotAnException() {
        IncomingMail mail = parse("""
                From: a@example.com
                Subject: x
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain
                Content-Transfer-Encoding: base64

                !!!! not base64 at all ####
                --b--
                """, StandardCharsets.UTF_8);

        assertThat(mail.problem()).startsWith("malformed MIME");
    }

    @Test
    void aGarbageFromHeaderMeansNoSender() {
        IncomingMail mail = parse("""
                From: not an address at all
                Subject: x

                x
                """, StandardCharsets.UTF_8);

        assertThat(mail.fromAddress()).isNull();
    }

    @Test
    void theMessagesARepliesToAreCollectedFromInReplyToAndReferences() {
        IncomingMail mail = parse("""
                From: a@example.com
                Subject: Re: x
                In-Reply-To: <one@desk>
                References: <zero@desk>
                 <one@desk>

                x
                """, StandardCharsets.UTF_8);

        assertThat(mail.referencedMessageIds()).containsExactly("<one@desk>", "<zero@desk>");
    }

    @Test
    void withoutAMessageIdTheKeyIgnoresTheHeadersEachDeliveryAdds() {
        String mail = """
                From: a@example.com
                To: privacy@lucidservices.uk
                Subject: x
                Date: Tue, 3 Mar 2026 10:15:00 +0000

                body
                """;
        IncomingMail first = parse("Received: from mx1\n" + mail, StandardCharsets.UTF_8);
        IncomingMail second =
                parse("Received: from mx2\nReturn-Path: <a@example.com>\n" + mail, StandardCharsets.UTF_8);

        assertThat(first.messageKey()).startsWith("sha256:").isEqualTo(second.messageKey());
    }
}
