package uk.lucidservices.privacydesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * On completing a triage: checks the date the officer gave for when a forwarded request first
 * reached the company ({@code reachedCompanyOn}, optional). It cannot be later than the day the
 * forward arrived, nor in the future; a wrong date keeps the task open with the reason. The request
 * then counts its clock from that day ({@link StartTriagedRequestDelegate}).
 */
@Component("recordReachedCompanyDate")
class RecordReachedCompanyDateListener implements TaskListener {

    /** Form field: the day a forwarded request first reached the company (yyyy-MM-dd), if earlier than the mail. */
    static final String REACHED_COMPANY_ON = "reachedCompanyOn";

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final IntakeLog log;
    private final Clock clock;

    public RecordReachedCompanyDateListener(IntakeLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        LocalDate reached = reachedCompanyOn(task.getExecution());
        if (reached == null) {
            return;
        }
        IntakeLog.Entry entry = TriageSupport.entry(task.getExecution(), log);
        LocalDate arrived = entry.arrivedAt() == null
                ? LocalDate.now(clock.withZone(UK))
                : entry.arrivedAt().atZoneSameInstant(UK).toLocalDate();
        if (reached.isAfter(arrived)) {
            throw new TriageDecisionException("The date it reached the company (" + reached
                    + ") is after this mail arrived (" + arrived + "): give the earlier date, or leave it empty");
        }
        if (reached.isAfter(LocalDate.now(clock.withZone(UK)))) {
            throw new TriageDecisionException("The date it reached the company cannot be in the future");
        }
    }

    /** The officer's date, or null when none was given. */
    static LocalDate reachedCompanyOn(DelegateExecution scope) {
        return ProcessVariables.date(scope, REACHED_COMPANY_ON, UK);
    }
}
