package uk.lucidservices.privacydesk.security;

import java.util.Collection;
import java.util.Locale;

/**
 * The one way the desk compares staff user ids where four eyes are checked. The same person can
 * reach a step as {@code peter} (signed in) and {@code PETER } (typed into a form, or returned by a
 * directory that ignores case), so ids are compared trimmed and without regard to case.
 */
public final class StaffIds {

    private StaffIds() {}

    /** The comparable form of a user id, or null for none. */
    public static String canonical(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        return userId.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether two user ids name the same person; a missing id is nobody, so never the same. */
    public static boolean same(String a, String b) {
        String left = canonical(a);
        return left != null && left.equals(canonical(b));
    }

    /** Whether any of {@code userIds} names the same person as {@code userId}. */
    public static boolean anySame(Collection<String> userIds, String userId) {
        return userIds.stream().anyMatch(id -> same(id, userId));
    }
}
