package uk.lucidservices.privacydesk.request;

import java.util.function.Supplier;

/**
 * Marks a process start as the desk's own (a letter, a mail for triage). The mark lives on the
 * starting thread only, so nothing that arrives over HTTP (the engine's REST API) can set it;
 * {@link ProcessStartGuard} refuses the desk's internal processes without it.
 */
public final class DeskProcessStart {

    private static final ThreadLocal<Boolean> BY_DESK = ThreadLocal.withInitial(() -> false);

    private DeskProcessStart() {}

    /** Runs a start the desk itself decided on. */
    public static <T> T byDesk(Supplier<T> start) {
        boolean outer = BY_DESK.get();
        BY_DESK.set(true);
        try {
            return start.get();
        } finally {
            BY_DESK.set(outer);
        }
    }

    static boolean isByDesk() {
        return BY_DESK.get();
    }
}
