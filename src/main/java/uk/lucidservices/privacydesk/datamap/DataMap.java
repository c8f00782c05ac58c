package uk.lucidservices.privacydesk.datamap;

import java.util.List;
import java.util.Optional;

/** The loaded, validated data map. Categories are in erasure order (children first). */
public record DataMap(String controller, List<Category> categories) {

    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<Category> searchable() {
        return categories.stream().filter(Category::searchable).toList();
    }

    public List<Category> manual() {
        return categories.stream().filter(Category::manual).toList();
    }

    public List<Category> childrenOf(String categoryId) {
        return categories.stream()
                .filter(c -> c.parent() != null && c.parent().category().equals(categoryId))
                .toList();
    }
}
