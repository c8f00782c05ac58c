package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Templates are compiled once and used again, yet a letter edited in the folder staff use (the
 * first location) changes at once: its own file, a partial it includes, and a new file there that
 * overrides a bundled one.
 */
class LetterTemplateEditsTest {

    @TempDir
    Path folder;

    private LetterTemplates templates() {
        DeskMailProperties properties = new DeskMailProperties(
                "privacy@desk.example",
                "Privacy Desk",
                null,
                new DeskMailProperties.Letters(List.of(folder.toUri().toString(), "classpath:letters/"), Map.of()),
                null);
        return new LetterTemplates(new DefaultResourceLoader(), properties);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(folder.resolve(file), text);
    }

    @Test
    void anEditToALetterOrItsPartialTakesEffectOnTheNextLetter() throws IOException {
        write("note.subject", "A note");
        write("note.txt", "Dear {{name}},\n{{> closing}}");
        write("note.html", "<p>Dear {{name}}</p>");
        write("_closing.txt", "Regards");
        LetterTemplates templates = templates();
        Map<String, Object> model = Map.of("name", "Anna");

        assertThat(templates.render("note", "SAR-2026-000001", model).text()).isEqualTo("Dear Anna,\nRegards\n");
        assertThat(templates.render("note", "SAR-2026-000001", model).subject()).isEqualTo("A note [SAR-2026-000001]");

        write("note.txt", "Hello {{name}},\n{{> closing}}");
        assertThat(templates.render("note", "SAR-2026-000001", model).text()).isEqualTo("Hello Anna,\nRegards\n");

        write("_closing.txt", "Yours sincerely");
        assertThat(templates.render("note", "SAR-2026-000001", model).text())
                .isEqualTo("Hello Anna,\nYours sincerely\n");

        write("note.subject", "A new note");
        assertThat(templates.render("note", "SAR-2026-000001", model).subject())
                .isEqualTo("A new note [SAR-2026-000001]");
    }

    @Test
    void aNewFileInTheFolderOverridesTheBundledPartialAtOnce() throws IOException {
        write("note.subject", "A note");
        write("note.txt", "Hello\n{{> signature}}");
        write("note.html", "<p>Hello</p>");
        LetterTemplates templates = templates();
        Map<String, Object> model = Map.of(
                "byPost",
                false,
                "reference",
                "SAR-2026-000001",
                "desk",
                Map.of(
                        "signOff",
                        "Data Protection Officer",
                        "controllerName",
                        "Lucid Telecom",
                        "controllerAddress",
                        "1 High Street",
                        "privacyEmail",
                        "privacy@desk.example"));

        assertThat(templates.render("note", "SAR-2026-000001", model).text()).isEqualTo("""
                        Hello
                        Yours sincerely,
                        Data Protection Officer
                        Lucid Telecom

                        --
                        Please keep our reference SAR-2026-000001 in the subject when you reply.
                        Lucid Telecom, 1 High Street. privacy@desk.example
                        """);

        write("_signature.txt", "The privacy team");
        assertThat(templates.render("note", "SAR-2026-000001", model).text()).isEqualTo("Hello\nThe privacy team\n");
    }
}
