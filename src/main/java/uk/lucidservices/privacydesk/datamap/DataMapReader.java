package uk.lucidservices.privacydesk.datamap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the data map YAML and checks that it is complete and consistent in itself. Every
 * complaint names the entry, so whoever edits the file can find the line to fix.
 */
public class DataMapReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record RawMap(String controller, List<RawCategory> categories) {}

    record RawCategory(
            String id,
            String name,
            String system,
            String table,
            Boolean manual,
            String level,
            Map<String, String> identity,
            String accountKey,
            Category.Parent parent,
            List<String> fields,
            List<String> thirdPartyFields,
            String fileField,
            String purpose,
            String lawfulBasis,
            List<String> recipients,
            JsonNode retention,
            String source,
            RawErasure erasure,
            List<String> providedFields,
            Map<String, String> labels,
            Category.Welsh cy) {}

    record RawErasure(String action, String reason, List<String> fields, String keepWhileComplaint) {}

    /**
     * The human labels of the entry's data items, as the letter and the pack show them. A label for a
     * column the entry does not list is a mistake in the map and stops start-up.
     */
    private static Map<String, String> labels(String id, RawCategory r) {
        if (r.labels() == null) {
            return Map.of();
        }
        Set<String> known = new HashSet<>(r.fields());
        if (r.fileField() != null) {
            known.add(r.fileField());
        }
        r.labels().forEach((column, label) -> {
            if (!known.contains(column)) {
                throw new DataMapException(
                        "Data map entry '" + id + "': a label for '" + column + "', which is not one of its fields");
            }
            if (label == null || label.isBlank()) {
                throw new DataMapException("Data map entry '" + id + "': the label of '" + column + "' is empty");
            }
        });
        return Map.copyOf(r.labels());
    }

    public DataMap read(InputStream yaml, String origin) {
        RawMap raw;
        try {
            raw = YAML.readValue(yaml, RawMap.class);
        } catch (JacksonException e) {
            throw new DataMapException(
                    "Data map " + origin + " is not valid YAML for a data map: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataMapException("Data map " + origin + " could not be read: " + e.getMessage(), e);
        }
        if (raw == null || raw.categories() == null || raw.categories().isEmpty()) {
            throw new DataMapException("Data map " + origin + " lists no categories");
        }
        Map<String, RawCategory> byId = new HashMap<>();
        raw.categories().forEach(r -> byId.putIfAbsent(r.id(), r));
        List<Category> categories =
                raw.categories().stream().map(r -> toCategory(r, byId)).toList();
        checkIdsAndParents(categories);
        return new DataMap(raw.controller() == null ? "" : raw.controller(), categories);
    }

    private Category toCategory(RawCategory r, Map<String, RawCategory> byId) {
        String id = r.id();
        if (id == null || id.isBlank()) {
            throw new DataMapException("Data map entry with name '" + r.name() + "' has no id");
        }
        require(id, "name", r.name());
        require(id, "system", r.system());
        require(id, "purpose", r.purpose());
        require(id, "lawful-basis", r.lawfulBasis());
        RetentionPeriod retentionPeriod = retentionPeriod(id, r.retention());
        String retention = retentionPeriod != null
                ? retentionPeriod.describe()
                : r.retention() == null ? null : r.retention().asText();
        require(id, "retention", retention);
        require(id, "source", r.source());
        if (r.fields() == null || r.fields().isEmpty()) {
            throw new DataMapException("Data map entry '" + id + "': lists no fields");
        }
        boolean manual = Boolean.TRUE.equals(r.manual());
        Map<IdentityKey, String> identity = new EnumMap<>(IdentityKey.class);
        if (r.identity() != null) {
            r.identity().forEach((key, column) -> identity.put(identityKey(id, key), column));
        }
        if (!manual) {
            require(id, "table", r.table());
            if (identity.isEmpty() && r.parent() == null) {
                throw new DataMapException(
                        "Data map entry '" + id + "': needs identity columns or a parent to find a subject's rows");
            }
        }
        Level level = level(r, byId, 0);
        if (!manual && r.parent() == null) {
            checkLevel(id, level, identity, r.accountKey());
        }
        return new Category(
                id,
                r.name(),
                r.system(),
                r.table(),
                manual,
                level,
                Map.copyOf(identity),
                r.accountKey(),
                r.parent(),
                List.copyOf(r.fields()),
                r.thirdPartyFields() == null ? List.of() : List.copyOf(r.thirdPartyFields()),
                r.fileField(),
                r.purpose(),
                r.lawfulBasis(),
                r.recipients() == null ? List.of() : List.copyOf(r.recipients()),
                retention,
                retentionPeriod,
                r.source(),
                erasure(id, r.erasure()),
                providedFields(id, r),
                labels(id, r),
                welsh(id, r, retentionPeriod));
    }

    /**
     * The entry's Welsh ({@code cy:}): a Welsh letter shows these in place of the English, so a block
     * that is there must give each English text the person reads its Welsh, or start-up stops naming
     * what is missing. The retention is worded from the period unless a law is cited (then the block
     * gives it). An entry without a block is null here: Welsh letters show it in English
     * ({@link Category#inWelsh()}) and {@link DataMapConfiguration} warns at start.
     */
    private static Category.Welsh welsh(String id, RawCategory r, RetentionPeriod retentionPeriod) {
        Category.Welsh cy = r.cy();
        if (cy == null) {
            return null;
        }
        require(id, "cy: name", cy.name());
        require(id, "cy: system", cy.system());
        require(id, "cy: purpose", cy.purpose());
        require(id, "cy: lawful-basis", cy.lawfulBasis());
        require(id, "cy: source", cy.source());
        List<String> recipients = cy.recipients() == null ? List.of() : List.copyOf(cy.recipients());
        int english = r.recipients() == null ? 0 : r.recipients().size();
        if (recipients.size() != english) {
            throw new DataMapException("Data map entry '" + id + "': cy: recipients lists " + recipients.size()
                    + " recipient(s), the English " + english);
        }
        String retention = cy.retention() != null && !cy.retention().isBlank()
                ? cy.retention()
                : retentionPeriod == null ? null : retentionPeriod.describeWelsh();
        require(id, "cy: retention", retention);
        boolean keepReason = r.erasure() != null && r.erasure().reason() != null;
        if (keepReason) {
            require(id, "cy: erasure-reason", cy.erasureReason());
        }
        Map<String, String> labels = cy.labels() == null ? Map.of() : Map.copyOf(cy.labels());
        if (r.labels() != null) {
            for (String column : r.labels().keySet()) {
                if (labels.get(column) == null || labels.get(column).isBlank()) {
                    throw new DataMapException(
                            "Data map entry '" + id + "': cy: labels has no Welsh label for '" + column + "'");
                }
            }
        }
        for (String column : labels.keySet()) {
            if (r.labels() == null || !r.labels().containsKey(column)) {
                throw new DataMapException(
                        "Data map entry '" + id + "': a Welsh label for '" + column + "', which has no English label");
            }
        }
        return new Category.Welsh(
                cy.name(),
                cy.system(),
                cy.purpose(),
                cy.lawfulBasis(),
                recipients,
                retention,
                cy.source(),
                keepReason ? cy.erasureReason() : null,
                labels);
    }

    /**
     * The entry's level; a child has its parent's (it is found through the parent's rows), and may
     * state it only to repeat it.
     */
    /** Art. 20's marker: fields the subject provided, each one of the entry's fields. */
    private static List<String> providedFields(String id, RawCategory r) {
        if (r.providedFields() == null) {
            return List.of();
        }
        for (String field : r.providedFields()) {
            if (!r.fields().contains(field)) {
                throw new DataMapException(
                        "Data map entry '" + id + "': provided field '" + field + "' is not one of its fields");
            }
        }
        return List.copyOf(r.providedFields());
    }

    private static Level level(RawCategory r, Map<String, RawCategory> byId, int depth) {
        Level own = null;
        if (r.level() != null) {
            try {
                own = Level.valueOf(r.level().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DataMapException(
                        "Data map entry '" + r.id() + "': unknown level '" + r.level() + "' (use person or account)");
            }
        }
        RawCategory parent = r.parent() == null ? null : byId.get(r.parent().category());
        if (parent == null || depth > byId.size()) {
            return own; // a missing parent or a loop is reported by the parent checks
        }
        Level inherited = level(parent, byId, depth + 1);
        if (own != null && inherited != null && own != inherited) {
            throw new DataMapException(
                    "Data map entry '" + r.id() + "': level " + own.name().toLowerCase(Locale.ROOT)
                            + " differs from its parent '" + parent.id() + "' ("
                            + inherited.name().toLowerCase(Locale.ROOT)
                            + "); a child has its parent's level");
        }
        return inherited != null ? inherited : own;
    }

    /** Person-level rows are found by the person's own email or number; account-level rows by the account. */
    private static void checkLevel(String id, Level level, Map<IdentityKey, String> identity, String accountKey) {
        if (level == null) {
            throw new DataMapException("Data map entry '" + id + "': level is missing (person or account)");
        }
        if (level == Level.PERSON) {
            if (!identity.containsKey(IdentityKey.EMAIL) && !identity.containsKey(IdentityKey.PHONE)) {
                throw new DataMapException(
                        "Data map entry '" + id + "': a person-level category needs an email or phone identity column");
            }
            if (accountKey != null) {
                throw new DataMapException("Data map entry '" + id
                        + "': account-key belongs to an account-level category, not a person-level one");
            }
        } else if (!identity.containsKey(IdentityKey.ACCOUNT) && accountKey == null) {
            throw new DataMapException("Data map entry '" + id
                    + "': an account-level category needs an account identity column or an account-key");
        }
    }

    /** A retention written as a period and the event it counts from; null for one written as words. */
    private static RetentionPeriod retentionPeriod(String id, JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode period = node.get("period");
        JsonNode from = node.get("from");
        if (period == null || from == null) {
            throw new DataMapException(
                    "Data map entry '" + id + "': retention needs a period and the event it counts from");
        }
        Period parsed;
        try {
            parsed = Period.parse(period.asText());
        } catch (DateTimeParseException e) {
            throw new DataMapException("Data map entry '" + id + "': retention period '" + period.asText()
                    + "' is not an ISO 8601 period such as P6Y or P12M");
        }
        JsonNode law = node.get("law");
        JsonNode column = node.get("column");
        if (column != null && !column.asText().matches("[a-z_][a-z0-9_]*")) {
            throw new DataMapException(
                    "Data map entry '" + id + "': retention column '" + column.asText() + "' is not a column name");
        }
        return new RetentionPeriod(
                parsed,
                RetentionPeriod.Event.parse(id, from.asText()),
                law == null ? null : law.asText(),
                column == null ? null : column.asText());
    }

    private Category.Erasure erasure(String id, RawErasure raw) {
        if (raw == null || raw.action() == null) {
            throw new DataMapException(
                    "Data map entry '" + id + "': has no erasure action (delete, anonymise or keep)");
        }
        ErasureAction action;
        try {
            action = ErasureAction.valueOf(raw.action().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataMapException("Data map entry '" + id + "': unknown erasure action '" + raw.action()
                    + "' (use delete, anonymise or keep)");
        }
        if (action == ErasureAction.KEEP
                && (raw.reason() == null || raw.reason().isBlank())) {
            throw new DataMapException("Data map entry '" + id + "': erasure action keep needs a reason");
        }
        if (action == ErasureAction.ANONYMISE
                && (raw.fields() == null || raw.fields().isEmpty())) {
            throw new DataMapException(
                    "Data map entry '" + id + "': erasure action anonymise needs the fields to clear");
        }
        Period hold = null;
        if (raw.keepWhileComplaint() != null) {
            try {
                hold = Period.parse(raw.keepWhileComplaint().trim());
            } catch (DateTimeParseException e) {
                throw new DataMapException("Data map entry '" + id + "': keep-while-complaint '"
                        + raw.keepWhileComplaint() + "' is not an ISO 8601 period (P12M)");
            }
        }
        return new Category.Erasure(
                action, raw.reason(), raw.fields() == null ? List.of() : List.copyOf(raw.fields()), hold);
    }

    private static IdentityKey identityKey(String id, String key) {
        try {
            return IdentityKey.valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataMapException(
                    "Data map entry '" + id + "': unknown identity key '" + key + "' (use email, phone or account)");
        }
    }

    private static void require(String id, String property, String value) {
        if (value == null || value.isBlank()) {
            throw new DataMapException("Data map entry '" + id + "': " + property + " is missing");
        }
    }

    /** Ids are unique, parents exist, and each child is listed before its parent (erasure order). */
    private static void checkIdsAndParents(List<Category> categories) {
        Set<String> seen = new HashSet<>();
        for (Category c : categories) {
            if (!seen.add(c.id())) {
                throw new DataMapException("Data map entry '" + c.id() + "': id is used twice");
            }
        }
        Set<String> listedSoFar = new HashSet<>();
        for (Category c : categories) {
            if (c.parent() != null) {
                String parent = c.parent().category();
                if (!seen.contains(parent)) {
                    throw new DataMapException(
                            "Data map entry '" + c.id() + "': parent '" + parent + "' is not in the data map");
                }
                if (listedSoFar.contains(parent)) {
                    throw new DataMapException("Data map entry '" + c.id() + "': must be listed before its parent '"
                            + parent + "' (erasure runs children first)");
                }
            }
            listedSoFar.add(c.id());
        }
    }
}
