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

    record Result(ClosedLoop.Result loop, SqlCounter.Counts counts, List<String> slowest) {
        double statementsPerStart() {
            return (double) counts.statements() / loop.operations();
        }

        double roundTripsPerStart() {
            return (double) counts.roundTrips() / loop.operations();
        }

        double queryMsPerStart() {
            return counts.queryNanos() / 1e6 / loop.operations();
        }

        double commitMsPerStart() {
            return counts.commitNanos() / 1e6 / loop.operations();
        }

        double commitsPerStart() {
            return (double) counts.commits() / loop.operations();
        }
    }

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
        ClosedLoop.Result loop = ClosedLoop.run(
                clients,
                warmUp,
                measured,
                client -> {
                    int n = SEQUENCE.incrementAndGet();
                    runtimeService.startProcessInstanceByKey(
                            MINIMAL_PROCESS, "BENCH-" + n, Map.of("requestReference", "BENCH-" + n, "requestId", (long)
                                    n));
                },
                SqlCounter.INSTANCE::reset);
        return new Result(loop, SqlCounter.INSTANCE.counts(), List.of());
    }

    Result run(int clients, Duration warmUp, Duration measured) {
        return run(clients, starters.size(), warmUp, measured);
    }

    /** The clients spread over the first {@code desks} desks. */
    Result run(int clients, int desks, Duration warmUp, Duration measured) {
        ClosedLoop.Result loop = ClosedLoop.run(
                clients,
                warmUp,
                measured,
                client -> startOne(starters.get(client % desks)),
                SqlCounter.INSTANCE::reset);
        // Read at once: the window has just closed and nothing else writes meanwhile.
        return new Result(
                loop,
                SqlCounter.INSTANCE.counts(),
                SqlCounter.INSTANCE.slowest(20, Math.max(1, loop.operations()), "start"));
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
