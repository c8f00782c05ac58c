package uk.lucidservices.privacydesk.access;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;

/**
 * For the Welsh letter tests: the values the cover letter gets from its code for a Welsh request,
 * with every category of the data map disclosed (and the manual ones searched), and the English the
 * desk's settings put into it.
 */
public final class WelshCoverLetterValues {

    private WelshCoverLetterValues() {}

    public static Map<String, Object> welsh(ApplicationContext context) {
        DataMap map = context.getBean(DataMap.class);
        AccessProperties properties = context.getBean(AccessProperties.class);
        List<CoverLetter.Section> sections = map.categories().stream()
                .filter(Category::searchable)
                .map(c -> new CoverLetter.Section(c, 2))
                .toList();
        List<CoverLetter.ManualSection> manual = map.categories().stream()
                .filter(c -> !c.searchable())
                .map(c -> new CoverLetter.ManualSection(c, 1L, "Un llythyr o 2024", 1))
                .toList();
        return CoverLetter.values(
                new CoverLetter.Content(
                        map.controller(),
                        sections,
                        manual,
                        1,
                        1,
                        properties.privacyMailbox(),
                        properties.automatedDecisions(true),
                        properties.internationalTransfers(true),
                        true,
                        true),
                true);
    }

    /** The portability pack's README for a Welsh request holding every category the person provided. */
    public static String welshPortabilityReadme(DataMap map) {
        return PortabilityPackBuilder.readme(
                map.categories().stream().filter(Category::providedBySubject).toList(), true);
    }

    /** The cover letter's statements as the settings give them in English. */
    public static List<String> english(ApplicationContext context) {
        AccessProperties properties = context.getBean(AccessProperties.class);
        return List.of(properties.automatedDecisions(false), properties.internationalTransfers(false));
    }
}
