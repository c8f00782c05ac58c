package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.request.IdentityChecks;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * The forms ask for what the listeners read: an answer for every manual system in the data map, the
 * redaction fields, the triage decision with its texts, and the ID document decision.
 */
class AccessFormsTest extends AccessTestSupport {

    @Autowired
    DataMap dataMap;

    @Test
    void manualChecklistFormHasAnAnswerAndCountForEveryManualCategory() {
        Set<String> keys = EmbeddedForms.submits(EmbeddedForms.PREFIX + "manual-search-checklist.html");
        for (Category manual : dataMap.manual()) {
            assertThat(keys)
                    .contains(
                            ManualSearchChecklist.answerField(manual.id()),
                            ManualSearchChecklist.countField(manual.id()));
        }
    }

    @Test
    void redactionReviewFormHasTheFieldsTheListenerReads() {
        assertThat(EmbeddedForms.submits(EmbeddedForms.PREFIX + "redaction-review.html"))
                .containsExactlyInAnyOrder(
                        RecordRedactionDecisionsListener.DEFAULT,
                        RecordRedactionDecisionsListener.DEFAULT_REASON,
                        RecordRedactionDecisionsListener.EXCEPTIONS);
    }

    @Test
    void triageFormSubmitsWhatTheTriageListenerReads() {
        assertThat(EmbeddedForms.submits(EmbeddedForms.PREFIX + "sar-triage.html"))
                .containsExactlyInAnyOrder(
                        RecordTriageDecisionListener.DECISION,
                        RecordTriageDecisionListener.REFUSAL_REASON,
                        RecordTriageDecisionListener.CLARIFICATION_QUESTION,
                        RecordTriageDecisionListener.ALREADY_ASKED_ON,
                        RecordTriageDecisionListener.PROPOSED_EXTENSION_REASON,
                        RecordTriageDecisionListener.FEE_REASON,
                        RecordTriageDecisionListener.FEE_AMOUNT);
    }

    @Test
    void replyCheckFormSubmitsTheIdentityDecisionAndTheNextCheck() {
        assertThat(EmbeddedForms.submits(EmbeddedForms.PREFIX + "sar-check-id.html"))
                .containsExactlyInAnyOrder(
                        RecordIdentityDecisionListener.DECISION, IdentityChecks.QUESTION, IdentityChecks.CODE);
    }
}
