package uk.lucidservices.privacydesk.calendar;

/** RAG status of a deadline. */
public enum SlaStatus {
    /** More than {@link #AMBER_DAYS} days left. */
    GREEN,
    /** {@link #AMBER_DAYS} days or fewer left, deadline day included. */
    AMBER,
    /** Deadline has passed. */
    RED;

    public static final int AMBER_DAYS = 7;

    public static SlaStatus forDaysLeft(long daysLeft) {
        if (daysLeft < 0) {
            return RED;
        }
        return daysLeft <= AMBER_DAYS ? AMBER : GREEN;
    }
}
