package uk.lucidservices.privacydesk.intake;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.IdentifierState;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Decides what one mail is and acts on it, exactly once: the mail's key is claimed in the intake
 * log in the same transaction that starts the request, correlates the reply or opens triage. If
 * that transaction does not commit, nothing happened and the mail stays in the mailbox; if it
 * does, a second reading finds the key and records a duplicate.
 * Bad input (unreadable, too large, no sender, from the desk itself) is quarantined with a triage
 * task; robots are only logged; a mail failing DMARC at the trusted mail server goes to triage
 * ({@link SenderAuthentication}); nothing is dropped.
 */
class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern REFERENCE =
            Pattern.compile("\\b(SAR|ERA|CMP|OBJ|DNR|TRC)-(\\d{4})-(\\d{6})\\b", Pattern.CASE_INSENSITIVE);
    private static final String ACTOR = "intake";
    private static final int SUMMARY_LENGTH = 4000;
    private static final int CONFLICT_ATTEMPTS = 3;

    private final MailParser parser;
    private final RobotDetector robots;
    private final RequestClassifier classifier;
    private final SenderAuthentication senders;
    private final MailIdentifiers identifiers;
    private final IntakeLog intakeLog;
    private final AttachmentStore store;
    private final RequestOpening opening;
    private final ReplyDelivery replies;
    private final TriageStarter triage;
    private final RequestRegister register;
    private final SentLetters sentLetters;
    private final TransactionTemplate tx;
    private final Set<String> ownAddresses;
    private final long maxMessageBytes;

    public MailIntake(
            MailParser parser,
            RobotDetector robots,
            RequestClassifier classifier,
            SenderAuthentication senders,
            MailIdentifiers identifiers,
            IntakeLog intakeLog,
            AttachmentStore store,
            RequestOpening opening,
            ReplyDelivery replies,
            TriageStarter triage,
            RequestRegister register,
            SentLetters sentLetters,
            TransactionTemplate tx,
            Set<String> ownAddresses,
            long maxMessageBytes) {
        this.parser = parser;
        this.robots = robots;
        this.classifier = classifier;
        this.senders = senders;
        this.identifiers = identifiers;
        this.intakeLog = intakeLog;
        this.store = store;
        this.opening = opening;
        this.replies = replies;
        this.triage = triage;
        this.register = register;
        this.sentLetters = sentLetters;
        this.tx = tx;
        this.ownAddresses = ownAddresses.stream()
                .map(a -> a.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.maxMessageBytes = maxMessageBytes;
    }

    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Handles one mail. Returns once its outcome is committed; throws only when nothing could be
     * recorded (the database is unavailable), in which case the mail must stay in the mailbox.
     */
    public IntakeResult receive(RawMail raw) {
        IncomingMail mail = parser.parse(raw);
        IntakeResult result;
        try {
            result = handleRetryingConflicts(mail);
        } catch (DuplicateKeyException claimedMeanwhile) {
            // Another reader (a second node, or a poll that overlapped) recorded it first.
            result = tx.execute(status ->
                    duplicate(mail, intakeLog.findByKey(mail.messageKey()).orElseThrow()));
        } catch (RuntimeException e) {
            // Something in this mail broke the handling: keep it for a person rather than retry it forever.
            // The exception's message may quote the mail (addresses, headers): the stack trace goes to debug only.
            log.error(
                    "A mail could not be handled ({}); quarantining it",
                    e.getClass().getSimpleName());
            log.debug("Handling failure", e);
            String reason =
                    "could not be processed automatically (" + e.getClass().getSimpleName() + ")";
            result = tx.execute(status -> quarantine(mail, reason));
        }
        log.info(
                "Mail read: intake #{} {}{}",
                result.intakeId(),
                result.outcome(),
                result.reference() != null ? " " + result.reference() : " (" + result.reason() + ")");
        return result;
    }

    /**
     * Two replies to one request read at the same moment both touch its process; the engine lets
     * one commit and fails the other, usually with an optimistic locking conflict. The loser simply
     * runs again, and then finds the event taken. A failure of the database itself is not retried.
     */
    private IntakeResult handleRetryingConflicts(IncomingMail mail) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> handle(mail));
            } catch (DataAccessException database) {
                throw database;
            } catch (RuntimeException conflict) {
                // A reply recorded at the same moment may have taken the waiting event: an optimistic
                // locking failure, a correlation that no longer matches, or (seen with Operaton 1.0.3)
                // a NullPointerException from the engine reading an execution the winner just removed.
                // Look again from scratch; a mail that fails every time is quarantined by the caller.
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private IntakeResult handle(IncomingMail mail) {
        Optional<Long> seen = intakeLog.findByKey(mail.messageKey());
        if (seen.isPresent()) {
            return duplicate(mail, seen.get());
        }
        Optional<String> bad = problem(mail);
        if (bad.isPresent()) {
            return quarantine(mail, bad.get());
        }
        Optional<String> robot = robots.robotReason(mail);
        if (robot.isPresent()) {
            long id = intakeLog.insert(
                    mail, mail.messageKey(), IntakeOutcome.ROBOT, robot.get(), List.of(), null, null, null);
            return new IntakeResult(id, IntakeOutcome.ROBOT, null, robot.get());
        }
        if (senders.dmarc(mail) == SenderAuthentication.Dmarc.FAIL) {
            // The From domain itself says this mail is not from it. It may ask for someone else's data or
            // answer someone else's request: a person looks, and nothing is started, filed or answered.
            String reason = "DMARC failed (" + senders.trustedAuthservId() + "): the sender is not proven,"
                    + " so no request was opened or filed and no reply was sent";
            // Still the request's team that reads it: a complaint's mail never reaches privacy officers.
            Optional<Request> about = reference(mail).flatMap(register::find);
            return about.isPresent() ? heldForTheTeam(mail, about.get(), reason) : triage(mail, reason);
        }
        Optional<String> reference = reference(mail);
        if (reference.isPresent()) {
            Optional<Request> request = register.find(reference.get());
            return request.isPresent()
                    ? reply(mail, request.get())
                    : triage(mail, "Mentions " + reference.get() + ", which is not a request in the register");
        }
        RequestClassifier.Classification c = classifier.classify(mail.subject(), mail.text());
        return c.type().isPresent()
                ? start(mail, c.type().get(), c.reason(), c.alongside())
                : triage(mail, "Not recognised as a request: " + c.reason());
    }

    private Optional<String> problem(IncomingMail mail) {
        if (!mail.raw().complete()) {
            return Optional.of("too large: %.1f MB, the limit is %.1f MB"
                    .formatted(mail.raw().size() / 1048576.0, maxMessageBytes / 1048576.0));
        }
        if (mail.problem() != null) {
            return Optional.of(mail.problem());
        }
        if (mail.fromAddress() == null) {
            return Optional.of("no usable sender address (From)");
        }
        if (ownAddresses.contains(mail.fromAddress().toLowerCase(Locale.ROOT))) {
            return Optional.of("sent from the desk's own address");
        }
        return Optional.empty();
    }

    /** The request a mail answers: a reference in its subject, or a letter or mail it replies to. */
    private Optional<String> reference(IncomingMail mail) {
        if (mail.subject() != null) {
            Matcher m = REFERENCE.matcher(mail.subject());
            if (m.find()) {
                return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + "-" + m.group(3));
            }
        }
        return sentLetters
                .referenceForMessageIds(mail.referencedMessageIds())
                .or(() -> intakeLog.referenceForMessageIds(mail.referencedMessageIds()));
    }

    private IntakeResult start(IncomingMail mail, RequestType type, String reason, List<RequestType> alongside) {
        List<String> phones = identifiers.phones(mail.subject(), mail.text());
        String account = identifiers.accountNumber(mail.subject(), mail.text()).orElse(null);
        String rawFile = store.storeRaw(mail.raw().content());
        long id = intakeLog.insert(
                mail, mail.messageKey(), IntakeOutcome.STARTED, reason, phones, account, rawFile, null);
        List<String> otherPhones = phones.size() > 1 ? phones.subList(1, phones.size()) : List.of();
        NewRequest asked = NewRequest.builder(type, Channel.EMAIL)
                .name(mail.fromName())
                .email(mail.fromAddress())
                .phone(phones.isEmpty() ? null : phones.get(0))
                .accountNumber(account)
                .summary(summary(mail))
                .receivedAt(mail.receivedAt() == null ? null : mail.receivedAt().atOffset(ZoneOffset.UTC))
                .loggedBy(ACTOR)
                .foundInText()
                .language(WelshText.language(mail.subject(), MailText.withoutQuotes(mail.text())))
                .build();
        Request request = opening.open(asked, otherPhones);
        int stored = store.store(id, request.id(), mail.attachments());
        register.record(request.id(), "MAIL_RECEIVED", ACTOR, "intake=" + id + "; attachments=" + stored);
        for (RequestType also : alongside) {
            // One mail, two requests ("delete my data and stop calling me"): each on its own clock, linked.
            Request linked = opening.openLinked(
                    request, asked.ofType(also), otherPhones, ACTOR, "asked for in the same mail (intake #" + id + ")");
            register.record(
                    linked.id(), "MAIL_RECEIVED", ACTOR, "intake=" + id + "; attachments on " + request.reference());
        }
        intakeLog.complete(id, IntakeOutcome.STARTED, reason, type, request.id(), request.reference(), null, stored);
        return new IntakeResult(id, IntakeOutcome.STARTED, request.reference(), reason);
    }

    private IntakeResult reply(IncomingMail mail, Request request) {
        String rawFile = store.storeRaw(mail.raw().content());
        long id = intakeLog.insert(
                mail,
                mail.messageKey(),
                IntakeOutcome.CORRELATED,
                "reply to " + request.reference(),
                List.of(),
                null,
                rawFile,
                null);
        int stored = store.store(id, null, mail.attachments());
        if (!fromVerifiedAddress(mail, request)) {
            // Anyone can put a reference in a subject: a person checks before it joins the request.
            String reason = "Reply to " + request.reference() + " from an address that is not on the request";
            register.record(
                    request.id(),
                    "REPLY_RECEIVED",
                    ACTOR,
                    "intake=" + id + "; from an unknown address; sent to triage");
            return triaged(mail, id, reason, request, stored);
        }
        intakeLog.linkAttachments(id, request.id());
        if (replies.deliver(
                request,
                id,
                stored,
                mail.receivedAt() == null ? null : mail.receivedAt().atOffset(ZoneOffset.UTC),
                ACTOR)) {
            intakeLog.complete(
                    id,
                    IntakeOutcome.CORRELATED,
                    "reply to " + request.reference(),
                    request.type(),
                    request.id(),
                    request.reference(),
                    null,
                    stored);
            return new IntakeResult(id, IntakeOutcome.CORRELATED, request.reference(), "reply");
        }
        return triaged(
                mail,
                id,
                "Reply to " + request.reference() + ", but no step of the request is waiting for one",
                request,
                stored);
    }

    private IntakeResult heldForTheTeam(IncomingMail mail, Request request, String reason) {
        String rawFile = store.storeRaw(mail.raw().content());
        long id =
                intakeLog.insert(mail, mail.messageKey(), IntakeOutcome.TRIAGE, reason, List.of(), null, rawFile, null);
        return triaged(mail, id, reason, request, store.store(id, null, mail.attachments()));
    }

    private IntakeResult triaged(IncomingMail mail, long id, String reason, Request request, int stored) {
        String triageId =
                triage.start(id, reason, mail.receivedAt(), request.type().team());
        intakeLog.complete(
                id, IntakeOutcome.TRIAGE, reason, request.type(), request.id(), request.reference(), triageId, stored);
        return new IntakeResult(id, IntakeOutcome.TRIAGE, request.reference(), reason);
    }

    private boolean fromVerifiedAddress(IncomingMail mail, Request request) {
        String sender = Emails.key(mail.fromAddress());
        return sender != null
                && verifiedAddressKey(request).filter(sender::equals).isPresent();
    }

    /**
     * The one address a reply may come from to be filed on the request: the requester's own, unless
     * an officer rejected it as not the requester's (then every reply is read in triage).
     */
    private Optional<String> verifiedAddressKey(Request request) {
        Optional<String> requester = Optional.ofNullable(Emails.key(request.requesterEmail()));
        boolean rejected = register.identifiers(request.id()).stream()
                .anyMatch(i -> "EMAIL".equals(i.kind())
                        && i.state() == IdentifierState.REJECTED
                        && requester.filter(key -> key.equals(i.key())).isPresent());
        return rejected ? Optional.empty() : requester;
    }

    private IntakeResult triage(IncomingMail mail, String reason) {
        List<String> phones = identifiers.phones(mail.subject(), mail.text());
        String account = identifiers.accountNumber(mail.subject(), mail.text()).orElse(null);
        String rawFile = store.storeRaw(mail.raw().content());
        long id =
                intakeLog.insert(mail, mail.messageKey(), IntakeOutcome.TRIAGE, reason, phones, account, rawFile, null);
        int stored = store.store(id, null, mail.attachments());
        String triageId = triage.start(id, reason, mail.receivedAt(), DeskGroups.PRIVACY_OFFICERS);
        intakeLog.complete(id, IntakeOutcome.TRIAGE, reason, null, null, null, triageId, stored);
        return new IntakeResult(id, IntakeOutcome.TRIAGE, null, reason);
    }

    private IntakeResult quarantine(IncomingMail mail, String reason) {
        String rawFile = store.storeRaw(mail.raw().content());
        long id = intakeLog.insert(
                mail, mail.messageKey(), IntakeOutcome.QUARANTINED, reason, List.of(), null, rawFile, null);
        String triageId = triage.start(id, "Quarantined: " + reason, mail.receivedAt(), DeskGroups.PRIVACY_OFFICERS);
        intakeLog.complete(id, IntakeOutcome.QUARANTINED, reason, null, null, null, triageId, 0);
        return new IntakeResult(id, IntakeOutcome.QUARANTINED, null, reason);
    }

    private IntakeResult duplicate(IncomingMail mail, long original) {
        String reason = "same message as intake #" + original;
        long id = intakeLog.insert(mail, null, IntakeOutcome.DUPLICATE, reason, List.of(), null, null, original);
        return new IntakeResult(id, IntakeOutcome.DUPLICATE, null, reason);
    }

    private static String summary(IncomingMail mail) {
        String text = (mail.subject() == null ? "" : mail.subject() + "\n\n")
                + MailText.withoutQuotes(mail.text()).strip();
        return IntakeLog.cut(text, SUMMARY_LENGTH);
    }
}
