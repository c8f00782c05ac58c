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
 * clocks' timers. Counts the SQL statements and commits per start.
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

    private final RequestStarter starter;
    private final RuntimeService runtimeService;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger requestsStarted = new AtomicInteger();

    RequestStarts(RequestStarter starter, RuntimeService runtimeService) {
        this.starter = starter;
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
                    int n = sequence.incrementAndGet();
                    runtimeService.startProcessInstanceByKey(
                            MINIMAL_PROCESS, "BENCH-" + n, Map.of("requestReference", "BENCH-" + n, "requestId", (long)
                                    n));
                },
                SqlCounter.INSTANCE::reset);
        return new Result(loop, SqlCounter.INSTANCE.counts(), List.of());
    }

    Result run(int clients, Duration warmUp, Duration measured) {
        ClosedLoop.Result loop =
                ClosedLoop.run(clients, warmUp, measured, client -> startOne(), SqlCounter.INSTANCE::reset);
        // Read at once: the window has just closed and nothing else writes meanwhile.
        return new Result(
                loop,
                SqlCounter.INSTANCE.counts(),
                SqlCounter.INSTANCE.slowest(20, Math.max(1, loop.operations()), "start"));
    }

    int requestsStarted() {
        return requestsStarted.get();
    }

    private void startOne() {
        requestsStarted.incrementAndGet();
        int n = sequence.incrementAndGet();
        starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Bench Requester " + n)
                .email("bench.requester" + n + "@example.net")
                .summary("Please send me a copy of my data")
                .loggedBy("bench")
                .build());
    }
}
