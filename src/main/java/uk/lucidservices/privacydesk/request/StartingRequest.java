package uk.lucidservices.privacydesk.request;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The request whose process {@link RequestStarter} is starting on this thread, as the register
 * writes it in the same transaction. What runs inside that start (the start guard, the SLA clocks
 * loading their dates) takes the row from here instead of reading it back: a new request has no
 * process yet, no pauses and no wait for ID. The mark lives on the starting thread only, for the
 * length of the engine call.
 * <p>
 * The register writes the row once the process instance exists ({@link #instanceCreated}, called by
 * {@link ProcessStartGuard}'s start listener before anything of the process runs): with its process
 * id and OPEN, so no UPDATE follows the start, and in the database before any delegate or task
 * listener could look for it.
 */
public final class StartingRequest {

    private static final ThreadLocal<RequestRegister.Opening> STARTING = new ThreadLocal<>();

    private StartingRequest() {}

    static <T> T during(RequestRegister.Opening opening, Supplier<T> start) {
        RequestRegister.Opening outer = STARTING.get();
        STARTING.set(opening);
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
        return opening(reference).map(RequestRegister.Opening::request);
    }

    /** A process instance has just been created, top level, under {@code businessKey}. */
    static void instanceCreated(String businessKey, String processInstanceId) {
        opening(businessKey).ifPresent(opening -> opening.open(processInstanceId));
    }

    private static Optional<RequestRegister.Opening> opening(String reference) {
        RequestRegister.Opening opening = STARTING.get();
        return opening != null && opening.request().reference().equals(reference)
                ? Optional.of(opening)
                : Optional.empty();
    }
}
