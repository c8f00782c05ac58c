package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/** Flags items that may identify other people; sets {@code thirdPartyItemsCount} to the exact number flagged. */
@Component("flagThirdPartyData")
class FlagThirdPartyDataDelegate implements JavaDelegate {

    private final RedactionReview review;

    public FlagThirdPartyDataDelegate(RedactionReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessVariables.set(execution, "thirdPartyItemsCount", review.flag(execution.getProcessBusinessKey()));
    }
}
