package uk.lucidservices.privacydesk.datamap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import org.junit.jupiter.api.Test;

class DataMapReaderTest {

    private static final String ENTRY = """
              - id: %s
                name: Things
                system: CRM
                table: records.crm_account
                level: person
                identity: { email: email_key }
                fields: [name]
                purpose: p
                lawful-basis: l
                retention: r
                source: s
                erasure: %s
            """;

    private static DataMap read(String yaml) {
        return new DataMapReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void theShippedDataMapReadsAndListsChildrenBeforeParents() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/datamap/lucid-data-map.yml")) {
            DataMap map = new DataMapReader().read(in, "lucid-data-map.yml");
            assertThat(map.categories())
                    .extracting(Category::id)
                    .containsSubsequence("chat-messages", "chat-transcripts");
            assertThat(map.categories()).extracting(Category::id).containsSubsequence("tm-call-recordings", "tm-leads");
            assertThat(map.manual()).extracting(Category::id).containsExactly("social-media", "paper-files");
            assertThat(map.category("complaints").orElseThrow().erasure().action())
                    .isEqualTo(ErasureAction.KEEP);
            assertThat(map.category("call-recordings").orElseThrow().level()).isEqualTo(Level.PERSON);
            assertThat(map.category("contracts").orElseThrow().level()).isEqualTo(Level.ACCOUNT);
            assertThat(map.category("chat-messages").orElseThrow().level())
                    .as("a child has its parent's level")
                    .isEqualTo(Level.PERSON);
            // What the Art. 15 letter prints under "How long we keep it".
            assertThat(map.category("call-recordings").orElseThrow().retention())
                    .isEqualTo("3 months after the customer relationship ends");
            assertThat(map.category("contracts").orElseThrow().retention())
                    .startsWith("6 years after the contract ends (accounting records, Companies Act 2006 s. 388");
            assertThat(map.category("desk-intake-attachments").orElseThrow().retention())
                    .isEqualTo("Until your identity has been checked");
        }
    }

    @Test
    void everyDataItemOfTheShippedMapHasAHumanLabelForTheLetterAndThePack() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/datamap/lucid-data-map.yml")) {
            DataMap map = new DataMapReader().read(in, "lucid-data-map.yml");
            for (Category category : map.categories()) {
                assertThat(category.labels().keySet())
                        .as("labels of %s", category.id())
                        .containsAll(category.fields());
            }
            Category calls = map.category("call-recordings").orElseThrow();
            assertThat(calls.fieldLabels())
                    .containsExactly(
                            "Number you called from",
                            "Number you called",
                            "Call time",
                            "Length of call (seconds)",
                            "Our agent");
            assertThat(calls.label("audio_file")).isEqualTo("Recording of the call");
        }
    }

    @Test
    void aLabelForAFieldTheEntryDoesNotListNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("things", "{ action: delete }")
                                .replace("fields: [name]", "fields: [name]\n    labels: { nmae: Name }")))
                .isInstanceOf(DataMapException.class)
                .hasMessageContaining("'things'")
                .hasMessageContaining("'nmae'");
    }

    @Test
    void aWelshBlockGivesEveryTextInWelshOrNamesWhatIsMissing() {
        String labelled = ENTRY.formatted("things", "{ action: keep, reason: k }")
                .replace("fields: [name]", "fields: [name]\n    labels: { name: Name }");
        String welsh =
                "\n    cy: { name: Pethau, system: CRM, purpose: pw, lawful-basis: sl, retention: cw, source: ff,"
                        + " erasure-reason: rh, labels: { name: Enw } }";
        Category things = read("categories:\n" + labelled.replace("source: s", "source: s" + welsh))
                .category("things")
                .orElseThrow();
        Category cy = things.inWelsh();
        assertThat(cy.name()).isEqualTo("Pethau");
        assertThat(cy.label("name")).isEqualTo("Enw");
        assertThat(cy.erasure().reason()).isEqualTo("rh");
        assertThat(cy.id()).isEqualTo("things");
        assertThatThrownBy(() -> read("categories:\n"
                        + labelled.replace(
                                "source: s", "source: s" + welsh.replace("labels: { name: Enw }", "labels: {}"))))
                .isInstanceOf(DataMapException.class)
                .hasMessageContaining("'things'")
                .hasMessageContaining("no Welsh label for 'name'");
        assertThatThrownBy(() -> read("categories:\n"
                        + labelled.replace("source: s", "source: s" + welsh.replace(" erasure-reason: rh,", ""))))
                .isInstanceOf(DataMapException.class)
                .hasMessageContaining("cy: erasure-reason");
        // Without a block the entry reads, and a Welsh letter shows it as it is (with a warning at start).
        Category english = read("categories:\n" + labelled).category("things").orElseThrow();
        assertThat(english.cy()).isNull();
        assertThat(english.inWelsh()).isSameAs(english);
    }

    @Test
    void anUnlabelledFieldReadsAsWordsNotAColumnName() {
        Category things = read("categories:\n"
                        + ENTRY.formatted("things", "{ action: delete }")
                                .replace("fields: [name]", "fields: [name, opened_on]"))
                .category("things")
                .orElseThrow();
        assertThat(things.fieldLabels()).containsExactly("Name", "Opened on");
    }

    @Test
    void aRetentionIsAPeriodCountedFromAnEventWithTheLawWhereOneSetsIt() {
        DataMap map = read("categories:\n"
                + ENTRY.formatted("contracts", "{ action: keep, reason: k }")
                        .replace(
                                "retention: r",
                                "retention: { period: P6Y, from: contract-end, law: \"Companies Act 2006 s. 388\" }")
                + ENTRY.formatted("calls", "{ action: delete }")
                        .replace("retention: r", "retention: { period: P12M, from: call }")
                + ENTRY.formatted("contacts", "{ action: delete }")
                        .replace("retention: r", "retention: { period: P0D, from: relationship-end }"));

        Category contracts = map.category("contracts").orElseThrow();
        assertThat(contracts.retentionPeriod().period()).isEqualTo(Period.ofYears(6));
        assertThat(contracts.retentionPeriod().from()).isEqualTo(RetentionPeriod.Event.CONTRACT_END);
        assertThat(contracts.retention()).isEqualTo("6 years after the contract ends (Companies Act 2006 s. 388)");
        assertThat(map.category("calls").orElseThrow().retention()).isEqualTo("12 months after the call");
        assertThat(map.category("contacts").orElseThrow().retention())
                .isEqualTo("Until the customer relationship ends");
    }

    @Test
    void aRetentionFromAnUnknownEventNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("calls", "{ action: delete }")
                                .replace("retention: r", "retention: { period: P12M, from: the-weather }")))
                .isInstanceOf(DataMapException.class)
                .hasMessageStartingWith(
                        "Data map entry 'calls': retention counts from unknown event 'the-weather' (use call, ");
    }

    @Test
    void aSearchableEntryWithoutALevelNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("accounts", "{ action: delete }").replace("    level: person\n", "")))
                .isInstanceOf(DataMapException.class)
                .hasMessage("Data map entry 'accounts': level is missing (person or account)");
    }

    @Test
    void anUnknownLevelNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("accounts", "{ action: delete }")
                                .replace("level: person", "level: household")))
                .hasMessage("Data map entry 'accounts': unknown level 'household' (use person or account)");
    }

    @Test
    void aPersonLevelEntryFoundOnlyByAccountIsRefused() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("calls", "{ action: delete }")
                                .replace("identity: { email: email_key }", "identity: { account: account_id }")))
                .hasMessage("Data map entry 'calls': a person-level category needs an email or phone identity column");
    }

    @Test
    void anAccountLevelEntryWithoutAnAccountColumnIsRefused() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("calls", "{ action: delete }").replace("level: person", "level: account")))
                .hasMessage(
                        "Data map entry 'calls': an account-level category needs an account identity column or an account-key");
    }

    @Test
    void aChildWhoseLevelDiffersFromItsParentIsRefused() {
        String child = ENTRY.formatted("child", "{ action: delete }")
                .replace("identity: { email: email_key }", "parent: { category: accounts, column: account_id }")
                .replace("level: person", "level: account");
        assertThatThrownBy(() -> read("categories:\n" + child + ENTRY.formatted("accounts", "{ action: delete }")))
                .hasMessage(
                        "Data map entry 'child': level account differs from its parent 'accounts' (person); a child has its parent's level");
    }

    @Test
    void anUnknownErasureActionNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n" + ENTRY.formatted("accounts", "{ action: shred }")))
                .isInstanceOf(DataMapException.class)
                .hasMessage(
                        "Data map entry 'accounts': unknown erasure action 'shred' (use delete, anonymise or keep)");
    }

    @Test
    void keepWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> read("categories:\n" + ENTRY.formatted("accounts", "{ action: keep }")))
                .hasMessage("Data map entry 'accounts': erasure action keep needs a reason");
    }

    @Test
    void aParentListedBeforeItsChildIsRefused() {
        String child = ENTRY.formatted("child", "{ action: delete }")
                .replace("identity: { email: email_key }", "parent: { category: accounts, column: account_id }");
        assertThatThrownBy(() -> read("categories:\n" + ENTRY.formatted("accounts", "{ action: delete }") + child))
                .hasMessage(
                        "Data map entry 'child': must be listed before its parent 'accounts' (erasure runs children first)");
    }

    @Test
    void aMissingPurposeNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("accounts", "{ action: delete }").replace("    purpose: p\n", "")))
                .hasMessage("Data map entry 'accounts': purpose is missing");
    }

    @Test
    void anUnknownIdentityKeyNamesTheEntry() {
        assertThatThrownBy(() -> read("categories:\n"
                        + ENTRY.formatted("accounts", "{ action: delete }")
                                .replace("email: email_key", "shoe-size: email_key")))
                .hasMessage(
                        "Data map entry 'accounts': unknown identity key 'shoe-size' (use email, phone or account)");
    }

    @Test
    void brokenYamlSaysSo() {
        assertThatThrownBy(() -> read("categories: [ {id: x"))
                .isInstanceOf(DataMapException.class)
                .hasMessageStartingWith("Data map test.yml is not valid YAML for a data map");
    }
}
