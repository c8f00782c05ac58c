package uk.lucidservices.privacydesk.access;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.records.RecordSource;

/** Every record source bean, and which of them hold a category's data. */
@Component
public class RecordSources {

    private final List<RecordSource> sources;

    public RecordSources(List<RecordSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<RecordSource> handling(Category category) {
        return sources.stream().filter(s -> s.handles(category)).toList();
    }
}
