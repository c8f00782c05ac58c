package uk.lucidservices.privacydesk.erasure;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.records.RecordSource;

/** Which company system's {@link RecordSource} holds a data-map category. */
@Component
class RecordSourceFinder {

    private final List<RecordSource> sources;

    RecordSourceFinder(List<RecordSource> sources) {
        this.sources = sources;
    }

    RecordSource forCategory(Category category) {
        return sources.stream()
                .filter(s -> s.handles(category))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No record source reaches " + category.system() + " (category " + category.id() + ")"));
    }
}
