package uk.lucidservices.privacydesk.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Starts the request a privacy officer recognised in a mail, with the mail's sender and phone
 * numbers as identifiers and the day the mail arrived as the day of receipt, or, for a forwarded
 * request, the earlier day the officer says it first reached the company.
 */
@Component("startTriagedRequest")
class StartTriagedRequestDelegate implements JavaDelegate {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final IntakeLog log;
    private final StoredMails mails;
    private final RequestOpening opening;
    private final RequestRegister register;

    public StartTriagedRequestDelegate(
            IntakeLog log, StoredMails mails, RequestOpening opening, RequestRegister register) {
        this.log = log;
        this.mails = mails;
        this.opening = opening;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntakeLog.Entry entry = TriageSupport.entry(execution, log);
        RequestType type = RequestType.valueOf(ProcessVariables.requiredText(execution, "triageDecision"));
        if (entry.senderAddress() == null) {
            throw new TriageDecisionException("This mail has no sender address, so no letter could reach the person: "
                    + "log the request through the desk's API with the details you have, then discard this mail");
        }
        String officer = Actors.of(execution);
        String summary = mails.read(entry)
                .map(m -> IntakeLog.cut(
                        (m.subject() == null ? "" : m.subject() + "\n\n")
                                + MailText.withoutQuotes(m.text()).strip(),
                        4000))
                .orElse(entry.subject());
        Language language = mails.read(entry)
                .map(m -> WelshText.language(m.subject(), MailText.withoutQuotes(m.text())))
                .orElse(Language.ENGLISH);
        List<String> phones = entry.senderPhones();
        // A forwarded request counts from the day it first reached the company, if the officer gave it.
        LocalDate reached = RecordReachedCompanyDateListener.reachedCompanyOn(execution);
        OffsetDateTime receivedAt =
                reached == null ? entry.arrivedAt() : reached.atStartOfDay(UK).toOffsetDateTime();
        Request request = opening.open(
                NewRequest.builder(type, Channel.EMAIL)
                        .name(entry.senderName())
                        .email(entry.senderAddress())
                        .phone(phones.isEmpty() ? null : phones.get(0))
                        .accountNumber(entry.accountNumber())
                        .summary(summary)
                        .receivedAt(receivedAt)
                        .loggedBy(officer)
                        .foundInText()
                        .language(language)
                        .build(),
                phones.size() > 1 ? phones.subList(1, phones.size()) : List.of());
        log.linkAttachments(entry.id(), request.id());
        register.record(
                request.id(),
                "MAIL_RECEIVED",
                officer,
                "intake=" + entry.id() + "; triaged as " + type.name()
                        + (reached == null ? "" : "; forwarded, first reached the company on " + reached));
        log.resolve(entry.id(), "STARTED", type.name(), officer, type, request.id(), request.reference());
        ProcessVariables.set(execution, ProcessVariables.REQUEST_REFERENCE, request.reference());
    }
}
