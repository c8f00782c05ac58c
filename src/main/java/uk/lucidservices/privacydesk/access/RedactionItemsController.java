package uk.lucidservices.privacydesk.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * What the redaction reviewer looks at: every flagged item of a request, named as the review
 * form's exceptions name it, with its current text read live from the record source (so the
 * text is never copied into the desk's tables or the engine), including the records only the
 * requester's account reached. Privacy officers and managers only.
 */
@RestController
@RequestMapping("/api/access-requests/{reference}/redaction-items")
class RedactionItemsController {

    private final RequestRegister register;
    private final CurrentStaff staff;
    private final DataMap dataMap;
    private final RecordSources sources;
    private final VerifiedIdentifiers identifiers;
    private final RedactionReview review;

    public RedactionItemsController(
            RequestRegister register,
            CurrentStaff staff,
            DataMap dataMap,
            RecordSources sources,
            VerifiedIdentifiers identifiers,
            RedactionReview review) {
        this.register = register;
        this.staff = staff;
        this.dataMap = dataMap;
        this.sources = sources;
        this.identifiers = identifiers;
        this.review = review;
    }

    public record FlaggedItem(String item, String decision, String reason, String decidedBy, Object text) {}

    @GetMapping
    public List<FlaggedItem> items(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        if (register.get(reference).type() != RequestType.SUBJECT_ACCESS) {
            // Another kind of request has no items: answer as for no request at all, so nothing leaks.
            throw new RequestNotFoundException(reference);
        }
        Map<String, Map<Long, Map<String, String[]>>> flagged = new HashMap<>();
        for (RedactionReview.Flagged item : review.flagged(reference)) {
            flagged.computeIfAbsent(item.key().categoryId(), k -> new HashMap<>())
                    .computeIfAbsent(item.key().recordId(), k -> new HashMap<>())
                    .put(item.key().field(), new String[] {item.decision(), item.reason(), item.decidedBy()});
        }
        List<FlaggedItem> items = new ArrayList<>();
        if (flagged.isEmpty()) {
            return items;
        }
        Subject subject = identifiers.subject(reference);
        for (Category category : dataMap.searchable()) {
            Map<Long, Map<String, String[]>> inCategory = flagged.get(category.id());
            if (inCategory == null) {
                continue;
            }
            Consumer<Map<String, Object>> list = row -> {
                long id = ((Number) row.get("id")).longValue();
                Map<String, String[]> fields = inCategory.get(id);
                if (fields != null) {
                    fields.forEach((field, d) -> items.add(new FlaggedItem(
                            category.id() + ":" + id + ":" + field, d[0], d[1], d[2], text(row, field))));
                }
            };
            for (RecordSource source : sources.handling(category)) {
                source.forEachRecord(category, subject, list);
                if (category.personLevel()) {
                    source.forEachRecordViaAccountOnly(category, subject, list);
                }
            }
        }
        return items;
    }

    private static Object text(Map<String, Object> row, String field) {
        return field.equals(RedactionReview.VIA_ACCOUNT)
                ? "Found only through the account, not by the requester's own email or number: disclosed only if kept"
                : PackValues.text(row.get(field));
    }
}
