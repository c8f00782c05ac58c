package uk.lucidservices.privacydesk.erasure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.DataMapException;
import uk.lucidservices.privacydesk.datamap.ErasureAction;

/**
 * What an erasure request covers: {@code ALL}, a named scope from {@code desk.erasure.scopes}
 * ({@code call-recordings}, {@code marketing}) or data-map category ids, comma-separated. An empty
 * set of category ids means the whole data map. Named scopes are checked against the data map
 * at start-up so that a typo stops the desk rather than a customer's request.
 */
@Component
class ErasureScopes {

    public static final String ALL = "ALL";

    private final DataMap dataMap;
    private final Map<String, List<String>> named;

    public ErasureScopes(DataMap dataMap, ErasureProperties properties) {
        this.dataMap = dataMap;
        this.named = properties.scopes();
        named.forEach((name, ids) -> {
            if (ids.isEmpty()) {
                throw new DataMapException("Erasure scope '" + name + "' (desk.erasure.scopes) lists no categories");
            }
            for (String id : ids) {
                if (dataMap.category(id).isEmpty()) {
                    throw new DataMapException("Erasure scope '" + name + "' (desk.erasure.scopes) names category '"
                            + id + "', which is not in the data map");
                }
            }
        });
    }

    /** The category ids a scope text covers; empty for {@code ALL} (or nothing given). */
    public Set<String> categories(String scope) {
        if (scope == null || scope.isBlank() || scope.trim().equalsIgnoreCase(ALL)) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : scope.split(",")) {
            String token = raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            if (token.equalsIgnoreCase(ALL)) {
                return Set.of();
            }
            List<String> namedIds = named.get(token.toLowerCase(Locale.ROOT));
            if (namedIds != null) {
                ids.addAll(namedIds);
            } else if (dataMap.category(token).isPresent()) {
                ids.add(token);
            } else {
                throw new IllegalArgumentException("Unknown erasure scope '" + token + "': use " + ALL
                        + ", a named scope (" + String.join(", ", new TreeSet<>(named.keySet()))
                        + ") or data-map category ids");
            }
        }
        return ids.isEmpty() ? Set.of() : Set.copyOf(ids);
    }

    /**
     * The scope as erasure must carry it out: deleting a parent record deletes its children too
     * (a child cannot outlive its parent), so children of a parent deleted in scope join the scope.
     */
    public Set<String> withChildren(Set<String> categoryIds) {
        if (categoryIds.isEmpty()) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>(categoryIds);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Category c : dataMap.categories()) {
                if (c.parent() != null
                        && result.contains(c.parent().category())
                        && deletes(c.parent().category())
                        && result.add(c.id())) {
                    grew = true;
                }
            }
        }
        return Set.copyOf(result);
    }

    private boolean deletes(String categoryId) {
        return dataMap.category(categoryId)
                .map(c -> c.erasure().action() == ErasureAction.DELETE)
                .orElse(false);
    }

    /** How a scope is written down in the register and the certificate. */
    public String describe(Set<String> categoryIds) {
        if (categoryIds.isEmpty()) {
            return ALL;
        }
        return String.join(
                ",",
                dataMap.categories().stream()
                        .map(Category::id)
                        .filter(categoryIds::contains)
                        .toList());
    }
}
