package uk.lucidservices.privacydesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * The script every embedded form shares is kept once ({@code forms/_desk-form.js} and the other
 * {@code forms/_*.js}) and the desk serves each form with it inline, where the form's include
 * marker was; no form carries its own copy.
 */
class TaskFormPagesTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void eachFormIsServedWithTheSharedScriptsItIncludesInPlaceOfItsMarkers() throws IOException {
        String shared = Files.readString(Path.of("forms", "_desk-form.js"));
        List<Path> forms = htmlForms();
        assertThat(forms).hasSizeGreaterThanOrEqualTo(9);
        for (Path form : forms) {
            String source = Files.readString(form);
            assertThat(source)
                    .as("%s includes the shared script rather than a copy", form)
                    .contains("/* desk:include _desk-form.js */")
                    .doesNotContain("function getJson(");

            ResponseEntity<String> page = http.getForEntity("/forms/" + form.getFileName(), String.class);

            assertThat(page.getStatusCode()).as("%s", form).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as("%s", form).contains(shared).doesNotContain("desk:include");
            Matcher marker = TaskFormPages.INCLUDE.matcher(source);
            while (marker.find()) {
                assertThat(page.getBody())
                        .as("%s with %s", form, marker.group(1))
                        .contains(Files.readString(Path.of("forms", marker.group(1))));
            }
        }
    }

    @Test
    void theSharedScriptsAreNotPagesOfTheirOwn() {
        assertThat(http.getForEntity("/forms/_desk-form.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<Path> htmlForms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
