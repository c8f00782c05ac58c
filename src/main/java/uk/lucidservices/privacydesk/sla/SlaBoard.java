package uk.lucidservices.privacydesk.sla;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** The open requests and their clocks as of today, most urgent first: the dashboard's and the metrics' source. */
@Component
class SlaBoard {

    private static final ClockStore.ClockRecord NO_RECORD =
            new ClockStore.ClockRecord(null, null, null, null, null, null);

    private final RequestRegister register;
    private final ClockStore store;
    private final RequestClocks clocks;
    private final DeadlineCalculator calculator;

    public SlaBoard(RequestRegister register, ClockStore store, RequestClocks clocks, DeadlineCalculator calculator) {
        this.register = register;
        this.store = store;
        this.clocks = clocks;
        this.calculator = calculator;
    }

    public List<RequestSla> openRequests() {
        LocalDate today = clocks.today();
        Map<Long, List<ClockPause>> pauses = store.pausesOfOpenRequests();
        Map<Long, ClockStore.ClockRecord> records = store.recordsOfOpenRequests();
        Set<Long> held = store.heldRequestIds();
        return register.open().stream()
                .map(r -> row(
                        r,
                        clocks.compute(r, pauses.getOrDefault(r.id(), List.of()), held.contains(r.id()), today),
                        records.getOrDefault(r.id(), NO_RECORD),
                        today))
                .sorted(Comparator.comparing((RequestSla r) -> r.rag())
                        .reversed()
                        .thenComparingLong(RequestSla::fewestDaysLeft)
                        .thenComparing(RequestSla::reference))
                .toList();
    }

    private RequestSla row(Request r, Deadlines d, ClockStore.ClockRecord record, LocalDate today) {
        long statutoryLeft = calculator.daysLeft(d.statutoryDeadline(), today);
        long internalLeft = calculator.daysLeft(d.internalTarget(), today);
        return new RequestSla(
                r.reference(),
                r.type(),
                r.status(),
                r.receivedAt(),
                d.clockStart(),
                d.statutoryDeadline(),
                statutoryLeft,
                d.internalTarget(),
                internalLeft,
                d.escalationDate(),
                d.paused(),
                d.extended(),
                r.breached(),
                record.breaches(),
                RequestSla.ragOf(r.breached(), statutoryLeft, internalLeft),
                r.processInstanceId());
    }
}
