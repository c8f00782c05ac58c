package uk.lucidservices.privacydesk.intake;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The privacy mailbox and how the intake reads it ({@code desk.intake.*}; the README lists them). */
@ConfigurationProperties("desk.intake")
public record IntakeProperties(
        Mailbox mailbox,
        Polling polling,
        Limits limits,
        List<String> ownAddresses,
        String classification,
        String accountNumberPattern,
        Period triageFollowUp,
        Period triageDue,
        String trustedAuthservId) {

    public enum AfterProcessing {
        MOVE,
        FLAG
    }

    public record Mailbox(
            String host,
            int port,
            String protocol,
            boolean starttls,
            String user,
            String password,
            String folder,
            AfterProcessing afterProcessing,
            String processedFolder,
            Duration connectTimeout,
            Duration readTimeout) {

        /** The same mailbox reached at another host and port (a second node, or a test's proxy). */
        public Mailbox at(String otherHost, int otherPort) {
            return new Mailbox(
                    otherHost,
                    otherPort,
                    protocol,
                    starttls,
                    user,
                    password,
                    folder,
                    afterProcessing,
                    processedFolder,
                    connectTimeout,
                    readTimeout);
        }
    }

    public record Polling(boolean enabled, Duration interval, Duration maxBackoff, int batchSize, int threads) {}

    public record Limits(
            DataSize maxMessageSize,
            DataSize maxAttachmentSize,
            int maxAttachments,
            List<String> allowedAttachmentTypes) {}

    public IntakeProperties {
        ownAddresses = ownAddresses == null ? List.of() : List.copyOf(ownAddresses);
    }
}
