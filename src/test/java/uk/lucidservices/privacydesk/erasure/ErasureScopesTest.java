package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.DataMapException;
import uk.lucidservices.privacydesk.datamap.DataMapReader;

/** Scopes against the shipped data map, without a database. */
class ErasureScopesTest {

    private static final DataMap MAP = load();
    private static final Map<String, List<String>> NAMED = Map.of(
            "call-recordings", List.of("call-recordings", "tm-call-recordings"),
            "marketing", List.of("tm-leads", "tm-call-recordings", "web-enquiries"));
    private final ErasureScopes scopes = new ErasureScopes(MAP, new ErasureProperties(NAMED, null, null));

    private static DataMap load() {
        try (InputStream in = ErasureScopesTest.class.getResourceAsStream("/datamap/lucid-data-map.yml")) {
            return new DataMapReader().read(in, "lucid-data-map.yml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void allOrNothingMeansTheWholeDataMap() {
        assertThat(scopes.categories("ALL")).isEmpty();
        assertThat(scopes.categories(" all ")).isEmpty();
        assertThat(scopes.categories(null)).isEmpty();
        assertThat(scopes.describe(Set.of())).isEqualTo("ALL");
    }

    @Test
    void aNamedScopeWinsOverTheCategoryOfTheSameName() {
        assertThat(scopes.categories("call-recordings"))
                .containsExactlyInAnyOrder("call-recordings", "tm-call-recordings");
    }

    @Test
    void categoryIdsAndNamedScopesCombine() {
        assertThat(scopes.categories("marketing, chat-transcripts"))
                .containsExactlyInAnyOrder("tm-leads", "tm-call-recordings", "web-enquiries", "chat-transcripts");
    }

    @Test
    void anUnknownScopeIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> scopes.categories("everything-please"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("everything-please")
                .hasMessageContaining("call-recordings, marketing");
    }

    @Test
    void deletingAParentTakesItsChildrenIntoTheScope() {
        assertThat(scopes.withChildren(Set.of("chat-transcripts")))
                .containsExactlyInAnyOrder("chat-transcripts", "chat-messages");
        assertThat(scopes.withChildren(Set.of("tm-call-recordings"))).containsExactly("tm-call-recordings");
    }

    @Test
    void theScopeIsWrittenInErasureOrder() {
        assertThat(scopes.describe(Set.of("tm-leads", "chat-messages"))).isEqualTo("chat-messages,tm-leads");
    }

    @Test
    void aNamedScopeWithAnUnknownCategoryStopsStartUp() {
        assertThatThrownBy(() -> new ErasureScopes(
                        MAP, new ErasureProperties(Map.of("voice", List.of("voicemail")), null, null)))
                .isInstanceOf(DataMapException.class)
                .hasMessageContaining("'voice'")
                .hasMessageContaining("'voicemail'");
    }
}
