package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Flags items that may identify other people; sets {@code thirdPartyItemsCount} to the exact number flagged. */
@Component("flagThirdPartyData")
class FlagThirdPartyDataDelegate implements JavaDelegate {

    private final RedactionReview review;

    public FlagThirdPartyDataDelegate(RedactionReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("thirdPartyItemsCount", review.flag(execution.getProcessBusinessKey()));
    }
}
