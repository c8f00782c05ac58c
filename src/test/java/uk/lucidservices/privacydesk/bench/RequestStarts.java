package uk.lucidservices.privacydesk.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Subject access requests started the way the API and the mail intake start them
 * ({@link RequestStarter}: register row, process, SLA clocks with their four timers), each in its
 * own transaction, up to the first wait state: the acknowledgement's asynchronous step and the
 * clocks' timers. Counts the SQL statements and commits per start. With the starters of several
 * desks (nodes on one database), client n starts its requests on desk n modulo their number.
 */
final class RequestStarts {

    /**
     * {@code loop}: the timed window, SQL not counted; {@code counts} and {@code slowest}: what
     * {@code counted} starts sent, in a short window of their own with the counter on.
     */
    record Result(ClosedLoop.Result loop, long counted, SqlCounter.Counts counts, List<String> slowest) {
        double statementsPerStart() {
            return (double) counts.statements() / counted;
        }

        double roundTripsPerStart() {
            return (double) counts.roundTrips() / counted;
        }

        double queryMsPerStart() {
            return counts.queryNanos() / 1e6 / counted;
        }

        double commitMsPerStart() {
            return counts.commitNanos() / 1e6 / counted;
        }

        double commitsPerStart() {
            return (double) counts.commits() / counted;
        }
    }

    /** How long the starts are counted after each timed window. */
    private static final Duration COUNTED = Duration.ofSeconds(3);

    static final String MINIMAL_PROCESS = "bench-minimal-start";

    /** One sequence for every run in the JVM, so that no two starts share a requester. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<RequestStarter> starters;
    private final RuntimeService runtimeService;
    private final AtomicInteger requestsStarted = new AtomicInteger();

    RequestStarts(RequestStarter starter, RuntimeService runtimeService) {
        this(List.of(starter), runtimeService);
    }

    RequestStarts(List<RequestStarter> starters, RuntimeService runtimeService) {
        this.starters = List.copyOf(starters);
        this.runtimeService = runtimeService;
    }

    /**
     * For comparison: the engine's floor on this machine, a process with two variables whose first
     * wait state is one asynchronous step (bench/minimal-start.bpmn), no register, no clocks.
     */
    Result runMinimal(int clients, Duration warmUp, Duration measured) {
        ClosedLoop.Operation start = client -> {
            int n = SEQUENCE.incrementAndGet();
            runtimeService.startProcessInstanceByKey(
                    MINIMAL_PROCESS, "BENCH-" + n, Map.of("requestReference", "BENCH-" + n, "requestId", (long) n));
        };
        ClosedLoop.Result loop = timed(clients, warmUp, measured, start);
        ClosedLoop.Result counted = ClosedLoop.run(clients, Duration.ZERO, COUNTED, start, SqlCounter.INSTANCE::reset);
        return new Result(loop, Math.max(1, counted.operations()), SqlCounter.INSTANCE.counts(), List.of());
    }

    Result run(int clients, Duration warmUp, Duration measured) {
        return run(clients, starters.size(), warmUp, measured);
    }

    /** The clients spread over the first {@code desks} desks. */
    Result run(int clients, int desks, Duration warmUp, Duration measured) {
        ClosedLoop.Operation start = client -> startOne(starters.get(client % desks));
        ClosedLoop.Result loop = timed(clients, warmUp, measured, start);
        ClosedLoop.Result counted = ClosedLoop.run(clients, Duration.ZERO, COUNTED, start, SqlCounter.INSTANCE::reset);
        long starts = Math.max(1, counted.operations());
        // Read at once: the window has just closed and nothing else writes meanwhile.
        return new Result(loop, starts, SqlCounter.INSTANCE.counts(), SqlCounter.INSTANCE.slowest(20, starts, "start"));
    }

    /** A closed loop with the SQL counter off (see {@link SqlCounter#counting}). */
    static ClosedLoop.Result timed(int clients, Duration warmUp, Duration measured, ClosedLoop.Operation operation) {
        SqlCounter.INSTANCE.counting(false);
        try {
            return ClosedLoop.run(clients, warmUp, measured, operation, () -> {});
        } finally {
            SqlCounter.INSTANCE.counting(true);
        }
    }

    int requestsStarted() {
        return requestsStarted.get();
    }

    private void startOne(RequestStarter starter) {
        requestsStarted.incrementAndGet();
        int n = SEQUENCE.incrementAndGet();
        starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Bench Requester " + n)
                .email("bench.requester" + n + "@example.net")
                .summary("Please send me a copy of my data")
                .loggedBy("bench")
                .build());
    }
}
