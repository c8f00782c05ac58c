package uk.lucidservices.privacydesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code names classes by import, never as {@code java.util.Optional}: the imports then list every
 * dependency of a file. Comments and string literals may spell names out (a class name in a
 * message or a Javadoc link is text, not code).
 */
class NoFullyQualifiedNamesTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/test/java"));

    /** A lower-case package path of two or more parts ending in a capitalised name. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])(?:java|javax|jakarta|org|com|uk|io|net)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*");

    /** Text blocks, strings, characters and comments: blanked before the search. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private static final Pattern IMPORT_OR_PACKAGE = Pattern.compile("^\\s*(?:import|package)\\s");

    @Test
    void codeUsesImportsNotQualifiedNames() {
        List<String> found = new ArrayList<>();
        for (Path root : SOURCES) {
            for (Path file : javaFiles(root)) {
                found.addAll(qualifiedNames(file.toString(), read(file)));
            }
        }
        assertThat(found).as("fully qualified names in code (import them)").isEmpty();
    }

    @Test
    void theScanTellsCodeFromText() {
        String source = """
                package a.b;
                import java.util.List;
                /** See {@link java.time.Clock}. */
                class X {
                    String s = "org.postgresql.Driver"; // java.util.Map in a comment
                    java.util.Optional<String> o;
                }
                """;
        assertThat(qualifiedNames("X.java", source)).containsExactly("X.java:6: java.util.Optional");
    }

    static List<String> qualifiedNames(String file, String source) {
        Matcher notCode = NOT_CODE.matcher(source);
        StringBuilder code = new StringBuilder();
        while (notCode.find()) {
            notCode.appendReplacement(
                    code, Matcher.quoteReplacement(notCode.group().replaceAll("[^\\n]", " ")));
        }
        notCode.appendTail(code);
        List<String> found = new ArrayList<>();
        String[] lines = code.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (IMPORT_OR_PACKAGE.matcher(lines[i]).find()) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(lines[i]);
            while (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
