package uk.lucidservices.privacydesk.request;

/**
 * Erasure that the nightly retention job runs on its schedule and under its lease, one node of a
 * cluster at a time, after the desk's own stores: the relationship-end sweep of the company's
 * records. The job finds every implementation as a Spring bean, so it never names erasure's classes.
 */
public interface ScheduledErasure {

    /** The name the job reports and counts it under, such as {@code relationship-end}. */
    String name();

    /** Runs once; returns how many records it erased (deleted or anonymised). */
    long run();
}
