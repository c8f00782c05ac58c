package uk.lucidservices.privacydesk.request;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The request whose process {@link RequestStarter} is starting on this thread, as it has just
 * written it to the register in the same transaction. What runs inside that start (the start guard,
 * the SLA clocks loading their dates) takes the row from here instead of reading it back: a new
 * request has no process yet, no pauses and no wait for ID. The mark lives on the starting thread
 * only, for the length of the engine call.
 */
public final class StartingRequest {

    private static final ThreadLocal<Request> STARTING = new ThreadLocal<>();

    private StartingRequest() {}

    static <T> T during(Request request, Supplier<T> start) {
        Request outer = STARTING.get();
        STARTING.set(request);
        try {
            return start.get();
        } finally {
            if (outer == null) {
                STARTING.remove();
            } else {
                STARTING.set(outer);
            }
        }
    }

    /** The request being started on this thread, when its reference is {@code reference}. */
    public static Optional<Request> of(String reference) {
        Request request = STARTING.get();
        return request != null && request.reference().equals(reference) ? Optional.of(request) : Optional.empty();
    }
}
