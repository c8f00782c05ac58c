package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.access.WelshCoverLetterValues;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.RetentionPeriod;
import uk.lucidservices.privacydesk.erasure.WelshErasureLetterValues;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Every Welsh letter, rendered with the values the desk's code and settings supply for a Welsh
 * request (dates as the processes hand them over, the settings, the data map's texts, the erasure
 * reasons the desk writes, the cover letter's statements), holds none of the English those sources
 * give an English letter: month and day names, the request types' English names, the worded
 * settings, the data map's English names, purposes, bases, recipients, sources, retention wording,
 * reasons and labels, and the fixed English sentences of the code. What an officer types is free
 * text: the values here are typed in Welsh.
 */
class WelshLettersWithoutEnglishTest extends DeskIntegrationTest {

    private static final Path WELSH = Path.of("src/main/resources/letters/cy");

    /** Flags the Welsh templates branch on: each letter is rendered with all of them off, then all on. */
    private static final List<String> FLAGS = List.of(
            "byPost",
            "adrOffered",
            "icoNamed",
            "deadlock",
            "idByCode",
            "idByQuestion",
            "waitingForId",
            "noNumberGiven",
            "refused",
            "restricted",
            "rectified",
            "stopped",
            "continued",
            "recipientsTold",
            "extended");

    @Autowired
    LetterTemplates templates;

    @Autowired
    LetterModel model;

    @Autowired
    RequestRegister register;

    @Autowired
    DataMap dataMap;

    @Autowired
    DeskMailProperties mail;

    @Autowired
    ApplicationContext context;

    @Test
    void noWelshLetterCarriesEnglishThatCodeOrSettingsSupply() throws IOException {
        Map<String, Pattern> english = patterns(englishPhrases());
        Set<String> found = new LinkedHashSet<>();
        for (RequestType type : RequestType.values()) {
            Request request = welshRequest(type);
            for (String name : welshLetters()) {
                for (boolean flags : List.of(false, true)) {
                    RenderedLetter letter = templates.render(
                            name, request.reference(), model.build(request, values(name, flags)), Language.WELSH);
                    String prose = prose(letter.subject() + "\n" + letter.text() + "\n" + letter.html());
                    english.forEach((phrase, pattern) -> {
                        if (pattern.matcher(prose).find()) {
                            found.add(name + " (" + type + "): \"" + phrase + "\"");
                        }
                    });
                }
            }
        }
        Request sar = welshRequest(RequestType.SUBJECT_ACCESS);
        String cover = prose(templates.document(
                "cover-letter", model.build(sar, WelshCoverLetterValues.welsh(context)), Language.WELSH));
        english.forEach((phrase, pattern) -> {
            if (pattern.matcher(cover).find()) {
                found.add("cover-letter: \"" + phrase + "\"");
            }
        });
        String readme = prose(WelshCoverLetterValues.welshPortabilityReadme(dataMap));
        assertThat(readme).contains("Y data personol a roesoch i ni");
        english.forEach((phrase, pattern) -> {
            if (pattern.matcher(readme).find()) {
                found.add("portability README: \"" + phrase + "\"");
            }
        });
        assertThat(found).as("English from code or settings in Welsh letters").isEmpty();
    }

    @Test
    void theErasureConfirmationAndCoverLetterSayInWelshWhatTheDeskWrote() {
        Request erasure = welshRequest(RequestType.ERASURE);
        String confirmation = templates
                .render(
                        "erasure-confirmation",
                        erasure.reference(),
                        model.build(erasure, WelshErasureLetterValues.welsh(dataMap)),
                        Language.WELSH)
                .text();
        assertThat(confirmation)
                .contains("Cafodd ei awdurdodi ar 10 Mehefin 2026 a'i gwblhau ar 12 Mehefin 2026")
                .contains("Trawsgrifiadau sgwrs fyw (Sgwrs fyw): 3 wedi'u dileu")
                .contains("Biliau (Bilio): Cofnodion cyfrifyddu a TAW y mae'r gyfraith yn mynnu ein bod yn eu cadw")
                .contains("Mae cwyn ar y cyfrif ar agor neu wedi'i chau lai na 12 mis yn ôl")
                .contains("gofynnoch i ni ddileu Trawsgrifiadau sgwrs fyw, Recordiadau galwadau telefarchnata yn unig")
                // The officer's reason, as typed.
                .contains("Mae taliad yn destun anghydfod gyda'r banc")
                .contains("Copïau wrth gefn: Mae copïau o'r data a ddilëwyd");
        Request sar = welshRequest(RequestType.SUBJECT_ACCESS);
        String cover = templates.document(
                "cover-letter", model.build(sar, WelshCoverLetterValues.welsh(context)), Language.WELSH);
        assertThat(cover.replace("&#39;", "'"))
                .contains("Recordiadau galwadau telefarchnata")
                .contains("12 mis ar ôl yr alwad")
                .contains("Nid ydym yn trosglwyddo eich data personol y tu allan i'r Deyrnas Unedig.");
    }

    @Test
    void theSameValuesInAnEnglishLetterShowThePhrasesTheCheckLooksFor() {
        // The check can fail: the English letters, from the same sources, hold the phrases.
        Request request = register.log(NewRequest.builder(RequestType.COMPLAINT, Channel.LETTER)
                .name("Sam Jones")
                .receivedAt(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC))
                .loggedBy("test")
                .build());
        Map<String, Object> values = values("adr-letter", true);
        RenderedLetter letter =
                templates.render("adr-letter", request.reference(), model.build(request, values), Language.ENGLISH);
        List<String> english = englishPhrases();
        assertThat(english)
                .contains("March", "Communications Ombudsman", "The Privacy Team", "Information Commissioner's Office");
        String prose = prose(letter.text());
        assertThat(patterns(english).entrySet().stream()
                        .filter(e -> e.getValue().matcher(prose).find())
                        .map(Map.Entry::getKey))
                .contains("March", "Communications Ombudsman", "The Privacy Team");
    }

    @Test
    void theBundledDataMapHasItsWelshForEveryEntry() {
        for (Category category : dataMap.categories()) {
            assertThat(category.cy()).as(category.id() + " has a cy: block").isNotNull();
            Category welsh = category.inWelsh();
            assertThat(welsh.name()).as(category.id()).isNotEqualTo(category.name());
            assertThat(welsh.purpose()).as(category.id()).isNotEqualTo(category.purpose());
            assertThat(welsh.retention()).as(category.id()).isNotEqualTo(category.retention());
            for (String field : category.labels().keySet()) {
                assertThat(welsh.label(field)).as(category.id() + "." + field).isNotBlank();
            }
        }
        // Worked by hand: "P12M from the call" and "P0D from the relationship's end".
        assertThat(dataMap.category("tm-call-recordings")
                        .orElseThrow()
                        .inWelsh()
                        .retention())
                .isEqualTo("12 mis ar ôl yr alwad");
        assertThat(dataMap.category("crm-contacts").orElseThrow().inWelsh().retention())
                .isEqualTo("Hyd nes i'ch perthynas â ni fel cwsmer ddod i ben");
    }

    @Test
    void aWordedSettingWithoutItsWelshStopsStartUp() {
        Map<String, String> settings = new HashMap<>(mail.letters().settings());
        settings.remove("postalAddressCy");
        assertThatThrownBy(() -> LetterModel.welsh(settings))
                .hasMessageContaining("desk.mail.letters.settings.postalAddressCy");
    }

    /** What the processes and delegates hand each letter, as they hand it (dates as dates). */
    private Map<String, Object> values(String name, boolean flags) {
        Map<String, Object> values = new HashMap<>();
        FLAGS.forEach(flag -> values.put(flag, flags));
        Date due = Date.from(
                OffsetDateTime.of(2026, 7, 15, 22, 59, 59, 0, ZoneOffset.UTC).toInstant());
        values.put("idDueDate", due);
        values.put("clarificationDueDate", due);
        values.put("replyDueDate", due);
        values.put("complaintCategory", flags ? "SERVICE_BILLING" : null);
        // What officers type stays as typed: typed in Welsh here.
        values.put("refusalReason", "Mae'r cais yn ailadrodd cais a atebwyd fis diwethaf");
        values.put("extensionReason", "Mae'r cais yn gymhleth");
        values.put("clarificationQuestion", "Pa gyfrif sydd gennych mewn golwg?");
        values.put("decisionDetail", "Gwnaethom gywiro eich cyfeiriad");
        values.put("outcomeSummary", "Rydym wedi ad-dalu'r tâl");
        values.put("progressNote", "Rydym yn aros am ateb gan ein darparwr");
        values.put("idQuestion", "Beth oedd swm eich bil diwethaf?");
        values.put("feeReason", "Copïau pellach o'r pecyn");
        values.put("feeAmount", "25.00");
        values.put("transcript", "15 Mehefin 2026 09:30  Siôn: Helo");
        values.put("code", "482913");
        values.put("codeExpires", new LetterTime(OffsetDateTime.of(2026, 6, 15, 8, 30, 0, 0, ZoneOffset.UTC)));
        values.put("downloadLink", "https://desk.example/packs/abc");
        values.put("linkExpires", OffsetDateTime.of(2026, 6, 29, 9, 0, 0, 0, ZoneOffset.UTC));
        if (name.equals("erasure-confirmation")) {
            values.putAll(WelshErasureLetterValues.welsh(dataMap));
        }
        return values;
    }

    private List<String> welshLetters() throws IOException {
        try (Stream<Path> files = Files.list(WELSH)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".subject"))
                    .map(f -> f.substring(0, f.length() - ".subject".length()))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The English that code and settings give English letters: built from those sources, not
     * written out, so a new English setting or data-map text is checked too.
     */
    private List<String> englishPhrases() {
        Set<String> phrases = new LinkedHashSet<>();
        for (Month month : Month.values()) {
            phrases.add(month.getDisplayName(TextStyle.FULL, Locale.UK));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            phrases.add(day.getDisplayName(TextStyle.FULL, Locale.UK));
        }
        for (RequestType type : RequestType.values()) {
            phrases.add(LetterModel.typeName(type));
        }
        Map<String, String> settings = mail.letters().settings();
        for (String key : LetterModel.WORDED_SETTINGS) {
            phrases.add(settings.get(key));
        }
        phrases.add(LetterModel.format(LocalDate.of(2026, 6, 15), Language.ENGLISH));
        for (RetentionPeriod.Event event : RetentionPeriod.Event.values()) {
            phrases.add(event.words());
        }
        for (Category c : dataMap.categories()) {
            Category cy = c.inWelsh();
            addIfTranslated(phrases, c.name(), cy.name());
            addIfTranslated(phrases, c.system(), cy.system());
            addIfTranslated(phrases, c.purpose(), cy.purpose());
            addIfTranslated(phrases, c.lawfulBasis(), cy.lawfulBasis());
            addIfTranslated(phrases, c.source(), cy.source());
            addIfTranslated(phrases, c.retention(), cy.retention());
            for (int i = 0; i < c.recipients().size(); i++) {
                addIfTranslated(phrases, c.recipients().get(i), cy.recipients().get(i));
            }
            if (c.erasure() != null && c.erasure().reason() != null) {
                addIfTranslated(phrases, c.erasure().reason(), cy.erasure().reason());
            }
            c.labels().forEach((field, label) -> addIfTranslated(phrases, label, cy.label(field)));
        }
        phrases.addAll(WelshErasureLetterValues.english());
        phrases.addAll(WelshCoverLetterValues.english(context));
        phrases.removeIf(p -> p == null || p.isBlank());
        return List.copyOf(phrases);
    }

    /** A text the Welsh gives differently (a name such as "CRM" is the same in both and not English). */
    private static void addIfTranslated(Set<String> phrases, String english, String welsh) {
        if (english != null && !english.equals(welsh)) {
            phrases.add(english);
        }
    }

    /** Each phrase as words (so "Mai" in a Welsh date does not match "May"). */
    private static Map<String, Pattern> patterns(List<String> phrases) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        phrases.forEach(p -> patterns.put(p, Pattern.compile("(?<![\\p{L}])" + Pattern.quote(p) + "(?![\\p{L}])")));
        return patterns;
    }

    /** The letter without web and mail addresses ("make-a-complaint" in the ICO's address is not prose). */
    private static String prose(String text) {
        return text.replace("&#39;", "'").replaceAll("\\S*[/@]\\S*", " ");
    }

    private Request welshRequest(RequestType type) {
        return register.log(NewRequest.builder(type, Channel.LETTER)
                .name("Siôn Llŷr")
                .email("sion." + UUID.randomUUID() + "@example.com")
                .receivedAt(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC))
                .loggedBy("test")
                .language(Language.WELSH)
                .build());
    }
}
