package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Searches every system for the request's subject. Sets only counts as process variables:
 * {@code totalRecords}, {@code manualSystemsCount}, {@code thirdPartyItemsCount} (records in
 * categories with third-party fields times those fields; {@code flagThirdPartyData} replaces it
 * with the exact number flagged).
 */
@Component("searchAllSystems")
class SearchAllSystemsDelegate implements JavaDelegate {

    private final SubjectSearch search;

    public SearchAllSystemsDelegate(SubjectSearch search) {
        this.search = search;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SearchResult result = search.search(execution.getProcessBusinessKey());
        ProcessVariables.set(execution, "totalRecords", result.totalRecords());
        ProcessVariables.set(execution, "manualSystemsCount", result.manual().size());
        ProcessVariables.set(
                execution, "thirdPartyItemsCount", (int) Math.min(Integer.MAX_VALUE, result.thirdPartyCandidates()));
    }
}
