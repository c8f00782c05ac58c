package uk.lucidservices.privacydesk.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms ask for what the listeners read: an answer for every manual system in the data map, and the redaction fields. */
class AccessFormsTest extends AccessTestSupport {

    @Autowired DataMap dataMap;

    @Test
    void manualChecklistFormHasAnAnswerAndCountForEveryManualCategory() throws IOException {
        JsonNode form = read("manual-search-checklist.form");
        assertThat(form.get("id").asText()).isEqualTo("manual-search-checklist");
        Set<String> keys = keys(form);
        for (Category manual : dataMap.manual()) {
            assertThat(keys).contains(ManualSearchChecklist.answerField(manual.id()), ManualSearchChecklist.countField(manual.id()));
        }
    }

    @Test
    void redactionReviewFormHasTheFieldsTheListenerReads() throws IOException {
        JsonNode form = read("redaction-review.form");
        assertThat(form.get("id").asText()).isEqualTo("redaction-review");
        assertThat(keys(form)).containsExactlyInAnyOrder(RecordRedactionDecisionsListener.DEFAULT,
                RecordRedactionDecisionsListener.DEFAULT_REASON, RecordRedactionDecisionsListener.EXCEPTIONS);
    }

    private static JsonNode read(String name) throws IOException {
        return new ObjectMapper().readTree(Path.of("forms", name).toFile());
    }

    private static Set<String> keys(JsonNode form) {
        Set<String> keys = new HashSet<>();
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }
}
