package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/** The forms ask for what the listeners read: an answer for every manual system in the data map, and the redaction fields. */
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
}
