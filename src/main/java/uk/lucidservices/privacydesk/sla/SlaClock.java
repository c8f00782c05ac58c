package uk.lucidservices.privacydesk.sla;

import uk.lucidservices.privacydesk.request.RequestType;

/**
 * The four timers of {@code request-sla-clocks}. Each names the process variable holding the
 * instant it fires, the timer events that wait for it (first the boundary timer on the wait for
 * the request to close, then, after the clock moved or a breach, its {@code ...Again} timer), and
 * the variable the date check sets when the clock has moved since the timer was armed.
 */
enum SlaClock {
    REMINDER("reminderDate", "Timer_Reminder", "reminder"),
    ESCALATION("escalationDate", "Timer_Escalation", "escalation"),
    INTERNAL_TARGET("internalTarget", "Timer_InternalTarget", "internal target"),
    STATUTORY_DEADLINE("statutoryDeadline", "Timer_StatutoryDeadline", "statutory deadline");

    private final String variable;
    private final String timerActivityId;
    private final String label;

    SlaClock(String variable, String timerActivityId, String label) {
        this.variable = variable;
        this.timerActivityId = timerActivityId;
        this.label = label;
    }

    /** Process variable (java.util.Date) the timer's {@code timeDate} reads. */
    public String variable() {
        return variable;
    }

    /** Variable set by the date check: true when the clock moved later and the timer must wait again. */
    public String movedVariable() {
        return variable + "Moved";
    }

    /** The timer armed when the clocks start: a non-interrupting boundary event. */
    public String timerActivityId() {
        return timerActivityId;
    }

    /** The timer that waits again after the date check found the clock moved, or after a breach. */
    public String againActivityId() {
        return timerActivityId + "Again";
    }

    /** Whether {@code activityId} is one of this clock's two timers. */
    boolean isTimer(String activityId) {
        return timerActivityId.equals(activityId) || againActivityId().equals(activityId);
    }

    public String label() {
        return label;
    }

    /**
     * The clock's name for a request of this type: a complaint has no statutory deadline in this
     * sense; its outer clock is Ofcom's ADR point, eight weeks after receipt.
     */
    public String label(RequestType type) {
        return this == STATUTORY_DEADLINE && type == RequestType.COMPLAINT ? "ADR point (8 weeks)" : label;
    }

    /** Only these two are breaches; the others are notices. */
    public boolean isBreach() {
        return this == INTERNAL_TARGET || this == STATUTORY_DEADLINE;
    }
}
