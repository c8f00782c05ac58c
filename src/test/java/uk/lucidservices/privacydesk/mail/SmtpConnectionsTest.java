package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.lucidservices.privacydesk.TestMailServer;

/**
 * Letters share SMTP connections: against the test mail server, with every socket the sender opens
 * counted (and cut, for a server that went away) through the session's socket factory.
 */
class SmtpConnectionsTest {

    private final CountingSockets sockets = new CountingSockets();
    private final JavaMailSenderImpl smtp = sender(sockets);
    private final MovableClock clock = new MovableClock();
    private final SmtpConnections connections = new SmtpConnections(smtp, clock);

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void lettersInARowGoOverOneConnection() throws Exception {
        String to = address();

        for (int i = 0; i < 3; i++) {
            connections.send(letter(to, "Letter " + i));
        }

        assertThat(received(to)).hasSize(3);
        assertThat(sockets.opened()).isEqualTo(1);
        assertThat(connections.idleConnections()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerClosedWhileItWasUnusedIsReplacedBeforeTheNextLetter() throws Exception {
        String to = address();
        connections.send(letter(to, "First"));
        sockets.cutAll();
        clock.pass(SmtpConnections.CHECK_AFTER.plusSeconds(1));

        connections.send(letter(to, "Second"));

        assertThat(received(to)).hasSize(2);
        assertThat(sockets.opened()).isEqualTo(2);
    }

    @Test
    void aLetterThatFailsOnAKeptConnectionFailsAndTheNextOneGetsAFreshConnection() throws Exception {
        String to = address();
        connections.send(letter(to, "First"));
        // Cut just after use: no NOOP check yet, so the letter fails and its step is retried (not lost).
        sockets.cutAll();

        assertThatThrownBy(() -> connections.send(letter(to, "Second"))).isInstanceOf(MessagingException.class);
        assertThat(connections.idleConnections()).isZero();

        connections.send(letter(to, "Second, retried"));
        assertThat(received(to)).hasSize(2);
        assertThat(sockets.opened()).isEqualTo(2);
    }

    @Test
    void aConnectionUnusedForLongIsClosedNotUsed() throws Exception {
        String to = address();
        connections.send(letter(to, "First"));
        clock.pass(SmtpConnections.CLOSE_AFTER.plusSeconds(1));

        connections.send(letter(to, "Second"));

        assertThat(received(to)).hasSize(2);
        assertThat(sockets.opened()).isEqualTo(2);
        assertThat(sockets.open()).isEqualTo(1);
    }

    @Test
    void aNewServerSettingIsUsedAtOnceAndAServerThatIsDownFailsTheLetter() throws Exception {
        String to = address();
        connections.send(letter(to, "First"));
        int realPort = smtp.getPort();
        smtp.setPort(closedPort());

        assertThatThrownBy(() -> connections.send(letter(to, "Second")))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(LetterService.safeCause(e)).startsWith("ConnectException"));
        assertThat(sockets.open()).isZero();

        smtp.setPort(realPort);
        connections.send(letter(to, "Second, retried"));
        assertThat(received(to)).hasSize(2);
    }

    @Test
    void afterSoManyLettersAConnectionMakesWayForANewOne() throws Exception {
        String to = address();

        for (int i = 0; i <= SmtpConnections.MAX_LETTERS; i++) {
            connections.send(letter(to, "Letter " + i));
        }

        assertThat(received(to)).hasSize(SmtpConnections.MAX_LETTERS + 1);
        assertThat(sockets.opened()).isEqualTo(2);
        assertThat(sockets.open()).isEqualTo(1);
    }

    private static JavaMailSenderImpl sender(SocketFactory sockets) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(TestMailServer.smtpPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.socketFactory", sockets);
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        smtp.setJavaMailProperties(properties);
        return smtp;
    }

    private MimeMessage letter(String to, String subject) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(new InternetAddress(TestMailServer.PRIVACY_MAILBOX));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Text");
        return message;
    }

    private static List<MimeMessage> received(String to) throws MessagingException {
        GreenMail greenMail = TestMailServer.greenMail();
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients() != null
                    && ((InternetAddress) message.getAllRecipients()[0])
                            .getAddress()
                            .equals(to)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String address() {
        return "smtp.pool." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Hands out plain sockets and remembers them, to count them and to cut them as a server would. */
    private static final class CountingSockets extends SocketFactory {
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        int opened() {
            return sockets.size();
        }

        long open() {
            return sockets.stream()
                    .filter(s -> s.isConnected() && !s.isClosed())
                    .count();
        }

        void cutAll() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        @Override
        public Socket createSocket() {
            Socket socket = new Socket();
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket socket = new Socket(host, port, localHost, localPort);
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket socket = new Socket(address, port, localAddress, localPort);
            sockets.add(socket);
            return socket;
        }
    }

    /** Real time stands still unless the test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-06-15T08:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
