package uk.lucidservices.privacydesk.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Tasklist forms in {@code forms/*.html}, as tests read them: the file a
 * {@code camunda:formKey="embedded:/forms/<name>.html"} points at, and the variables it submits
 * ({@code setVar('name', ...)} in its script, or a {@code data-field} it submits by name).
 */
public final class EmbeddedForms {

    public static final String PREFIX = "embedded:/forms/";
    private static final Pattern SET_VAR = Pattern.compile("setVar\\('([A-Za-z0-9_]+)'");
    private static final Pattern DATA_FIELD = Pattern.compile("data-field=\"([A-Za-z0-9_]+)\"");

    private EmbeddedForms() {}

    public static boolean isEmbedded(String formKey) {
        return formKey != null && formKey.startsWith(PREFIX);
    }

    public static Path file(String formKey) {
        if (!isEmbedded(formKey)) {
            throw new IllegalArgumentException("Not an embedded desk form: " + formKey);
        }
        return Path.of("forms", formKey.substring(PREFIX.length()));
    }

    public static String read(String formKey) {
        try {
            return Files.readString(file(formKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the variables the form submits. */
    public static Set<String> submits(String formKey) {
        String html = read(formKey);
        Set<String> names = new TreeSet<>();
        for (Pattern pattern : new Pattern[] {SET_VAR, DATA_FIELD}) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
