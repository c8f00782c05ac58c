package uk.lucidservices.privacydesk.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends letters over SMTP connections that stay open for the next letter, so a run of letters (a
 * burst of acknowledgements) costs one connection, greeting, STARTTLS and login per sending thread
 * instead of one per letter. A connection is taken by one sender at a time and given back after
 * a letter went through; one that failed is closed, never given back, and the step's retry opens
 * a fresh one. A connection unused for a while is asked with a NOOP whether it is still open before
 * it is used, one idle longer is closed, and one that carried {@link #MAX_LETTERS} letters is closed
 * (servers limit the messages per connection). A change of server, port or login (the settings of
 * the {@link JavaMailSenderImpl}) leaves the old connections unused. A sender that is not a
 * {@link JavaMailSenderImpl} sends each letter itself.
 */
@Component
class SmtpConnections implements DisposableBean {

    /** Letters sent over one connection before it is closed and a new one opened. */
    static final int MAX_LETTERS = 100;

    /** Connections kept open while nobody sends; more senders than this open and close their own. */
    static final int MAX_IDLE = 4;

    /** Unused this long, a connection is checked with a NOOP before it carries a letter. */
    static final Duration CHECK_AFTER = Duration.ofSeconds(2);

    /** Unused this long, a connection is closed rather than used (servers drop idle clients after minutes). */
    static final Duration CLOSE_AFTER = Duration.ofSeconds(60);

    private final JavaMailSender sender;
    private final Clock clock;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    @Autowired
    SmtpConnections(JavaMailSender sender) {
        this(sender, Clock.systemUTC());
    }

    /** {@code clock}: real time, for how long a connection has been unused (not the desk's clock). */
    SmtpConnections(JavaMailSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the message as {@link JavaMailSender#send(MimeMessage)} does, on a kept connection. */
    void send(MimeMessage message) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            sender.send(message);
            return;
        }
        prepare(message);
        Connection connection = take(smtp);
        boolean sent = false;
        try {
            Address[] to = message.getAllRecipients();
            connection.transport.sendMessage(message, to == null ? new Address[0] : to);
            connection.letters++;
            sent = true;
        } finally {
            if (sent) {
                giveBack(connection);
            } else {
                close(connection);
            }
        }
    }

    /** Connections open now and unused (for tests). */
    int idleConnections() {
        return idle.size();
    }

    /** As {@link JavaMailSenderImpl} prepares a message: a sent date, headers updated, our Message-ID kept. */
    private void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
    }

    private Connection take(JavaMailSenderImpl smtp) throws MessagingException {
        Server server = Server.of(smtp);
        Instant now = clock.instant();
        Connection kept;
        while ((kept = idle.pollFirst()) != null) {
            Duration unused = Duration.between(kept.lastUsed, now);
            if (!kept.server.equals(server) || unused.compareTo(CLOSE_AFTER) > 0) {
                close(kept);
            } else if (unused.compareTo(CHECK_AFTER) <= 0 || kept.transport.isConnected()) {
                return kept;
            } else {
                close(kept);
            }
        }
        return open(smtp, server);
    }

    private Connection open(JavaMailSenderImpl smtp, Server server) throws MessagingException {
        Transport transport = smtp.getSession().getTransport(server.protocol());
        String password = server.user() == null && "".equals(smtp.getPassword()) ? null : smtp.getPassword();
        try {
            transport.connect(server.host(), server.port(), server.user(), password);
        } catch (AuthenticationFailedException e) {
            close(transport);
            throw new MailAuthenticationException(e);
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw e;
        }
        return new Connection(server, transport, clock.instant());
    }

    private void giveBack(Connection connection) {
        connection.lastUsed = clock.instant();
        if (closed || connection.letters >= MAX_LETTERS || idle.size() >= MAX_IDLE) {
            close(connection);
            return;
        }
        // Most recently used first: the connections in use stay warm, the others age out.
        idle.offerFirst(connection);
        if (closed) {
            destroy();
        }
    }

    /** Closes the kept connections (when the desk stops). */
    @Override
    public void destroy() {
        closed = true;
        Connection kept;
        while ((kept = idle.pollFirst()) != null) {
            close(kept);
        }
    }

    private static void close(Connection connection) {
        close(connection.transport);
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Going away either way.
        }
    }

    /** Where a connection goes: a connection is used only while the sender's settings still say so. */
    private record Server(String protocol, String host, int port, String user) {
        static Server of(JavaMailSenderImpl smtp) {
            String user = smtp.getUsername();
            return new Server(
                    Objects.requireNonNullElse(smtp.getProtocol(), JavaMailSenderImpl.DEFAULT_PROTOCOL),
                    smtp.getHost(),
                    smtp.getPort(),
                    user == null || user.isEmpty() ? null : user);
        }
    }

    private static final class Connection {
        final Server server;
        final Transport transport;
        int letters;
        Instant lastUsed;

        Connection(Server server, Transport transport, Instant opened) {
            this.server = server;
            this.transport = transport;
            this.lastUsed = opened;
        }
    }
}
