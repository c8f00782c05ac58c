package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.DataMapReader;

/** The review form's "keep more" lines, without a database. */
class RecordKeepDecisionsTest {

    private final RecordKeepDecisions decisions = new RecordKeepDecisions(null, load());

    private static DataMap load() {
        try (InputStream in = RecordKeepDecisionsTest.class.getResourceAsStream("/datamap/lucid-data-map.yml")) {
            return new DataMapReader().read(in, "lucid-data-map.yml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void linesAreReadParentsFirstWhateverTheirOrder() {
        assertThat(decisions.parse("""
                tm-call-recordings: Legal claim: the call of 3 March

                tm-leads: Legal claim about consent
                """))
                .containsExactly(
                        new RecordKeepDecisions.Keep("tm-leads", "Legal claim about consent"),
                        new RecordKeepDecisions.Keep("tm-call-recordings", "Legal claim: the call of 3 March"));
    }

    @Test
    void aLineWithoutAReasonIsRefusedByNumber() {
        assertThatThrownBy(() -> decisions.parse("web-enquiries: ok\ncontracts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 2");
        assertThatThrownBy(() -> decisions.parse("web-enquiries:   ")).hasMessageContaining("Line 1");
    }

    @Test
    void nothingWrittenKeepsNothingMore() {
        assertThat(decisions.parse(null)).isEmpty();
        assertThat(decisions.parse("\n  \n")).isEmpty();
    }
}
