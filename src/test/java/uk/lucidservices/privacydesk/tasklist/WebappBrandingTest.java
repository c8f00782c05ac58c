package uk.lucidservices.privacydesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * The webapps are Lucid's desk through Camunda's supported hooks (each app's config.js and
 * user-styles.css, served in place of Camunda's), the end-of-life banner is hidden, and an error a
 * person meets in a browser is the desk's own page.
 */
class WebappBrandingTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void everyWebappIsNamedLucidPrivacyDeskAndStyledByTheDesksStylesheet() {
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            ResponseEntity<String> config =
                    http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
            assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(config.getBody()).as(app).contains("vendor: 'Lucid Privacy Desk'");
            ResponseEntity<String> styles =
                    http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
            assertThat(styles.getBody()).as(app).contains("@import url(\"../../../../desk/brand.css\")");
        }
        ResponseEntity<String> brand = http.getForEntity("/desk/brand.css", String.class);
        assertThat(brand.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(brand.getBody()).contains(".ce-eol-banner { display: none !important; }");
    }

    @Test
    void aBrowserMeetsTheDesksOwnPageForAPageThatIsNotThere() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page =
                http.exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody())
                .contains("Lucid Privacy Desk")
                .contains("Open Tasklist")
                .doesNotContain("Whitelabel");
    }
}
