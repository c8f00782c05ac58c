package uk.lucidservices.privacydesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.mail.DeskMailProperties;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.PhoneProperties;
import uk.lucidservices.privacydesk.request.AccountNumberFormat;
import uk.lucidservices.privacydesk.request.RequestRegister;

@Configuration
class IntakeConfiguration {

    @Bean
    public RequestClassifier requestClassifier(IntakeProperties properties, ResourceLoader resources) {
        Resource rules = resources.getResource(properties.classification());
        try (InputStream in = rules.getInputStream()) {
            return RequestClassifier.fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("desk.intake.classification: cannot read " + properties.classification(), e);
        }
    }

    @Bean
    public MailIdentifiers mailIdentifiers(IntakeProperties properties, PhoneProperties phone) {
        return new MailIdentifiers(phone.defaultRegion(), properties.accountNumberPattern());
    }

    /** The account number form staff-logged requests are checked against: the intake's setting. */
    @Bean
    public AccountNumberFormat accountNumberFormat(IntakeProperties properties) {
        return new AccountNumberFormat(properties.accountNumberPattern());
    }

    @Bean
    public AttachmentStore attachmentStore(FileStore files, IntakeLog log, IntakeProperties properties, Clock clock) {
        return new AttachmentStore(files, log, properties.limits(), clock);
    }

    @Bean
    public MailIntake mailIntake(
            RequestClassifier classifier,
            MailIdentifiers identifiers,
            IntakeLog log,
            AttachmentStore store,
            RequestOpening opening,
            ReplyDelivery replies,
            TriageStarter triage,
            RequestRegister register,
            SentLetters sentLetters,
            PlatformTransactionManager transactions,
            IntakeProperties properties,
            DeskMailProperties mail) {
        // The desk's own addresses: mail from them is the desk talking to itself (a loop), not a request.
        Set<String> own = new HashSet<>(properties.ownAddresses());
        own.add(mail.from());
        properties.allMailboxes().forEach(mailbox -> own.add(mailbox.user()));
        return new MailIntake(
                new MailParser(),
                new RobotDetector(),
                classifier,
                new SenderAuthentication(properties.trustedAuthservId()),
                identifiers,
                log,
                store,
                opening,
                replies,
                triage,
                register,
                sentLetters,
                new TransactionTemplate(transactions),
                own,
                properties.limits().maxMessageSize().toBytes());
    }

    @Bean(destroyMethod = "close")
    public IntakeMailboxes intakeMailboxes(IntakeProperties properties, MailIntake intake, Clock clock) {
        return new IntakeMailboxes(properties, intake, clock);
    }

    /** The first mailbox (the privacy mailbox), for what reads one; closed with {@link IntakeMailboxes}. */
    @Bean(destroyMethod = "")
    public MailboxPoller mailboxPoller(IntakeMailboxes mailboxes) {
        return mailboxes.first();
    }

    @Bean
    public MailboxHealthIndicator mailboxHealthIndicator(IntakeMailboxes mailboxes) {
        return new MailboxHealthIndicator(mailboxes.statuses());
    }

    @Bean
    @ConditionalOnProperty(name = "desk.intake.polling.enabled", havingValue = "true")
    public MailboxPollingSchedule mailboxPollingSchedule(IntakeMailboxes mailboxes, IntakeProperties properties) {
        return new MailboxPollingSchedule(
                mailboxes.pollers(),
                properties.polling().interval(),
                properties.polling().maxBackoff(),
                properties.idle());
    }
}
