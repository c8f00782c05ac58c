package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import uk.lucidservices.privacydesk.request.RequestType;

/** The bundled rules classify requests as people write them; the table is in classification-cases.csv. */
class RequestClassifierTest {

    private static final RequestClassifier CLASSIFIER = bundled();

    private static RequestClassifier bundled() {
        try (InputStream in = RequestClassifierTest.class.getResourceAsStream("/intake/classification.yml")) {
            return RequestClassifier.fromYaml(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: \"{1}\" / \"{2}\"")
    @CsvFileSource(resources = "/intake/classification-cases.csv", delimiter = '|', numLinesToSkip = 1)
    void classifiesWhatPeopleWrite(String expected, String subject, String body) {
        RequestClassifier.Classification result =
                CLASSIFIER.classify(subject, body == null ? null : body.replace("\\n", "\n"));

        if (expected.equals("TRIAGE")) {
            assertThat(result.type())
                    .as(result.reason() + " " + result.scores())
                    .isEmpty();
        } else {
            assertThat(result.type())
                    .as(result.reason() + " " + result.scores())
                    .contains(RequestType.valueOf(expected));
        }
    }

    @Test
    void ambiguousMailSaysWhichTypesItCouldBe() {
        assertThat(CLASSIFIER
                        .classify("", "send me a copy of my data and then delete it")
                        .reason())
                .isEqualTo("could be subject access or erasure");
    }

    @Test
    void aMailAskingForErasureAndAnEndToMarketingOpensBothTypes() {
        RequestClassifier.Classification both = CLASSIFIER.classify("", "Please delete my data and stop calling me.");

        assertThat(both.type()).contains(RequestType.ERASURE);
        assertThat(both.alongside()).containsExactly(RequestType.OBJECTION);
        assertThat(CLASSIFIER.classify("", "Please stop calling me").alongside())
                .isEmpty();
        assertThat(CLASSIFIER
                        .classify("", "Delete my call recordings and stop recording my calls")
                        .alongside())
                .containsExactly(RequestType.DO_NOT_RECORD);
    }

    @Test
    void rulesAreConfigurationAndABrokenRuleSaysWhichOne() {
        String yaml = """
                threshold: 1
                ambiguity: 1
                types:
                  COMPLAINT:
                    - { pattern: 'grumble', weight: 1 }
                """;
        RequestClassifier custom =
                RequestClassifier.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(custom.classify("A grumble", "").type()).contains(RequestType.COMPLAINT);

        String broken = "threshold: 1\nambiguity: 1\ntypes:\n  ERASURE:\n    - { pattern: '(unclosed', weight: 1 }\n";
        assertThatThrownBy(() ->
                        RequestClassifier.fromYaml(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("(unclosed");
    }
}
