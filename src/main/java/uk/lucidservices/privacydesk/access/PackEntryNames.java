package uk.lucidservices.privacydesk.access;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names of the entries in a disclosure pack, built from segments that may come from the company's
 * systems (an audio file's name). Each segment keeps letters, digits, dot, dash and underscore
 * only and may not start with a dot, so no entry can climb out of the folder it is unpacked into
 * ("../", "..\", an absolute path, a drive letter) or carry control characters.
 */
final class PackEntryNames {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");
    private static final int MAX_SEGMENT = 120;

    private PackEntryNames() {}

    static String of(String... segments) {
        return Arrays.stream(segments).map(PackEntryNames::segment).collect(Collectors.joining("/"));
    }

    static String segment(String raw) {
        String safe = LEADING_DOTS
                .matcher(UNSAFE.matcher(raw == null ? "" : raw).replaceAll("_"))
                .replaceAll("_");
        if (safe.length() > MAX_SEGMENT) {
            safe = safe.substring(safe.length() - MAX_SEGMENT);
        }
        return safe.isEmpty() ? "_" : safe;
    }
}
