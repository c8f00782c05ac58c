package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.RequestType;

/** Cockpit loads the desk's config.js, which imports the SLA dashboard plugin as an ES module. */
class CockpitPluginTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void cockpitsConfigIsTheDesksAndNamesThePlugin() {
        ResponseEntity<String> config = http.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(config.getBody()).contains("customScripts: ['custom/sla-dashboard.js']");
    }

    @Test
    void thePluginScriptIsServedAtItsCockpitPath() {
        ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/custom/sla-dashboard.js", String.class);
        assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Browsers import a module only when it is served as JavaScript.
        assertThat(plugin.getHeaders().getContentType().toString()).contains("javascript");
        assertThat(plugin.getBody())
                .contains("export default {")
                .contains("pluginPoint: 'cockpit.dashboard'")
                .contains("render: (node, { api }) =>")
                .contains("/api/sla/requests");
    }

    @Test
    void theDashboardNamesEveryRequestTypeInWords() {
        String labels = pluginConstant("TYPE_LABELS");
        for (RequestType type : RequestType.values()) {
            assertThat(labels).as("a label for %s", type).containsPattern("\\b" + type.name() + ": '[A-Z][^']+'");
        }
    }

    @Test
    void theDashboardDrawsEveryRequestTypeInAColourOfItsOwn() {
        String colours = pluginConstant("TYPE_COLOURS");
        Set<String> seen = new HashSet<>();
        for (RequestType type : RequestType.values()) {
            Matcher colour =
                    Pattern.compile("\\b" + type.name() + ": '(#[0-9a-f]{6})'").matcher(colours);
            assertThat(colour.find()).as("a colour for %s", type).isTrue();
            assertThat(seen.add(colour.group(1)))
                    .as("%s's colour %s is no other type's", type, colour.group(1))
                    .isTrue();
        }
    }

    /** The text of the object literal the served plugin script assigns to {@code const name}. */
    private String pluginConstant(String name) {
        String plugin = http.getForEntity("/camunda/app/cockpit/custom/sla-dashboard.js", String.class)
                .getBody();
        int start = plugin.indexOf("const " + name + " = {");
        assertThat(start).as("const %s in the plugin", name).isNotNegative();
        return plugin.substring(start, plugin.indexOf("};", start));
    }

    @Test
    void cockpitItselfStillLoads() {
        ResponseEntity<String> index = http.getForEntity("/camunda/app/cockpit/default/", String.class);
        assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(index.getBody()).contains("camunda-cockpit-bootstrap.js");
    }
}
