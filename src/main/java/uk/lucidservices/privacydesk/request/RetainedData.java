package uk.lucidservices.privacydesk.request;

import java.util.List;

/**
 * A class that owns tables holding personal data declares here how the retention job clears them:
 * the job finds every implementation as a Spring bean and runs their sweeps on its schedule, so it
 * never names another package's tables. What an open request still needs is never due: the sweeps
 * select through the register's {@code DUE_*} subqueries.
 */
public interface RetainedData {

    List<StoreSweep> retentionSweeps();
}
