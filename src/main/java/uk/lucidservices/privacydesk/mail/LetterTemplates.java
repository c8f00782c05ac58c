package uk.lucidservices.privacydesk.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Language;

/**
 * The letters' wording, as Mustache templates that staff can change without code: for a letter
 * {@code name} the files {@code name.subject}, {@code name.txt} and {@code name.html}, plus partials
 * {@code _name.txt}/{@code _name.html} included with {@code {{> name}}}. Each file is looked up in
 * {@code desk.mail.letters.locations} in order (by default a folder in the data directory, then the
 * bundled defaults); a folder is read on every send so an edit takes effect at once, while the
 * bundled defaults, which cannot change while the desk runs, are read once.
 * A variable a template names but the model lacks is an error, not a blank in a letter.
 * Documents (the cover letter, the erasure certificate) are one file, {@code name.xhtml}, with
 * partials {@code _name.xhtml}: XHTML, because the PDF renderer parses them as XML.
 * Each language but English has its own set with the same names in a folder named by its code
 * ({@code cy/} for Welsh), chosen from the request's language. A letter missing from that set goes
 * in English with a warning (a test keeps the sets complete, so this is for staff's own overrides).
 */
@Component
class LetterTemplates {

    /** The letters every process may ask for (the contract with the processes). */
    public static final List<String> NAMES = List.of(
            "acknowledgement",
            "id-request",
            "id-not-received",
            "clarification-request",
            "clarification-not-received",
            "reply-reminder",
            "extension-notice",
            "refusal",
            "no-personal-data",
            "fee-request",
            "pack-ready",
            "erasure-refused",
            "erasure-confirmation",
            "complaint-acknowledgement",
            "complaint-progress",
            "adr-letter",
            "final-response",
            "objection-confirmation",
            "do-not-record-confirmation",
            "transcript-copy");

    private static final Logger log = LoggerFactory.getLogger(LetterTemplates.class);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*){2,}");

    private final ResourceLoader resources;
    private final List<String> locations;
    private final Map<String, Optional<String>> bundled = new ConcurrentHashMap<>();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public LetterTemplates(ResourceLoader resources, DeskMailProperties properties) {
        this.resources = resources;
        this.locations = properties.letters().locations().stream()
                .map(l -> l.endsWith("/") ? l : l + "/")
                .toList();
    }

    /** The documents the desk renders (as XHTML, then PDF) rather than mails. */
    public static final List<String> DOCUMENTS = List.of("cover-letter", "erasure-certificate");

    /** Escapes for XML, and drops the control characters XML 1.0 forbids (they can come from free text). */
    private static final Mustache.Escaper XML = raw -> {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    };

    public boolean exists(String name) {
        return exists(name, Language.ENGLISH);
    }

    /** Whether the letter is there in this language's own set (no falling back to English). */
    public boolean exists(String name, Language language) {
        String folder = folder(language);
        return NAME.matcher(name).matches()
                && read(folder + name + ".subject").isPresent()
                && read(folder + name + ".txt").isPresent()
                && read(folder + name + ".html").isPresent();
    }

    /** Renders a letter in English; the subject gets the reference appended when the template left it out. */
    public RenderedLetter render(String name, String reference, Map<String, Object> model) {
        return render(name, reference, model, Language.ENGLISH);
    }

    /** Renders a letter in the language's set, or in English with a warning when that set lacks it. */
    public RenderedLetter render(String name, String reference, Map<String, Object> model, Language language) {
        String folder = folder(language);
        if (!folder.isEmpty() && !exists(name, language)) {
            log.warn("Letter {} has no {} template: sent in English for {}", name, language, reference);
            folder = "";
        }
        if (!exists(name, Language.ENGLISH)) {
            throw new IllegalArgumentException("No letter template '" + name + "' (needs " + name + ".subject, " + name
                    + ".txt and " + name + ".html in " + String.join(", ", locations) + ")");
        }
        try {
            String subject = WHITESPACE
                    .matcher(template(false, "txt", folder, folder + name + ".subject")
                            .execute(model))
                    .replaceAll(" ")
                    .trim();
            if (!subject.contains(reference)) {
                subject = subject + " [" + reference + "]";
            }
            // Optional paragraphs that were left out would leave gaps: at most one blank line in a row.
            String text = BLANK_LINES
                            .matcher(template(false, "txt", folder, folder + name + ".txt")
                                    .execute(model))
                            .replaceAll("\n\n")
                            .strip()
                    + "\n";
            String html =
                    template(true, "html", folder, folder + name + ".html").execute(model);
            return new RenderedLetter(name, subject, text, html);
        } catch (MustacheException e) {
            // The message names the template and the missing variable: no personal data.
            throw new IllegalStateException(
                    "Letter template '" + name + "' could not be rendered: " + e.getMessage(), e);
        }
    }

    /** Renders a document ({@code name.xhtml}) in English as XHTML, every value escaped for XML. */
    public String document(String name, Map<String, Object> model) {
        return document(name, model, Language.ENGLISH);
    }

    /** Renders a document in the language's set, or in English with a warning when that set lacks it. */
    public String document(String name, Map<String, Object> model, Language language) {
        String folder = folder(language);
        if (!folder.isEmpty()
                && (!NAME.matcher(name).matches()
                        || read(folder + name + ".xhtml").isEmpty())) {
            log.warn("Document {} has no {} template: rendered in English", name, language);
            folder = "";
        }
        String set = folder;
        if (!NAME.matcher(name).matches() || read(name + ".xhtml").isEmpty()) {
            throw new IllegalArgumentException("No document template '" + name + "' (needs " + name + ".xhtml in "
                    + String.join(", ", locations) + ")");
        }
        try {
            return template(null, "xhtml", set, set + name + ".xhtml").execute(model);
        } catch (MustacheException e) {
            throw new IllegalStateException(
                    "Document template '" + name + "' could not be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * The file compiled, with its partials from the same set: {@code html} true escapes for HTML,
     * false not at all, null for XML (documents). Compiling every file again for each letter was
     * the desk's own largest cost in a burst of acknowledgements, so a compiled template is used
     * again while every file it read (itself and the partials it included) still reads the same:
     * a file a folder holds is still read on every send, and an edit to it, or a new file there,
     * takes effect at once.
     */
    private Template template(Boolean html, String partialExtension, String folder, String file) {
        String key = html + ":" + file;
        Compiled kept = compiled.get(key);
        if (kept != null && unchanged(kept.files())) {
            return kept.template();
        }
        Map<String, String> files = new ConcurrentHashMap<>();
        String text = require(file);
        files.put(file, text);
        Mustache.Compiler compiler = html == null
                ? Mustache.compiler().withEscaper(XML)
                : Mustache.compiler().escapeHTML(html);
        Template template = compiler.nullValue("")
                .withLoader(partial -> {
                    String partialFile = folder + "_" + partial + "." + partialExtension;
                    String partialText = require(partialFile);
                    files.put(partialFile, partialText);
                    return new StringReader(partialText);
                })
                .compile(text);
        compiled.put(key, new Compiled(template, files));
        return template;
    }

    private boolean unchanged(Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!read(file.getKey()).filter(file.getValue()::equals).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** A compiled template and the text of each file it read (partials are read when first executed). */
    private record Compiled(Template template, Map<String, String> files) {}

    /** The folder of a language's set inside each location: none for English, the code for the rest. */
    static String folder(Language language) {
        return language == null || language == Language.ENGLISH ? "" : language.code() + "/";
    }

    private String require(String file) {
        return read(file).orElseThrow(() -> new IllegalArgumentException("No letter file " + file));
    }

    private Optional<String> read(String file) {
        for (String location : locations) {
            // What the application bundles cannot change while it runs: read once. A folder is read every time.
            Optional<String> text = location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)
                    ? bundled.computeIfAbsent(location + file, this::load)
                    : load(location + file);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private Optional<String> load(String path) {
        Resource resource = resources.getResource(path);
        if (resource.exists() && resource.isReadable()) {
            try {
                return Optional.of(resource.getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read letter file " + path, e);
            }
        }
        return Optional.empty();
    }
}
