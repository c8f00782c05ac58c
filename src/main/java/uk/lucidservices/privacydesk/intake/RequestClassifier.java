package uk.lucidservices.privacydesk.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Decides what a mail asks for from the words people actually write ("send me a copy of my
 * data", "please delete my call recordings", "I want to complain about my bill"). The phrases
 * and their weights are configuration (a YAML file), so they can be tuned without code.
 * A type is chosen only when it is the one clear candidate; anything else goes to a person.
 */
class RequestClassifier {

    /** The rules as written in the YAML file. */
    public record Rules(
            int threshold,
            int ambiguity,
            Map<RequestType, List<Rule>> types,
            List<TriageRule> alwaysTriage,
            List<Set<RequestType>> openTogether) {}

    public record Rule(String pattern, int weight) {}

    public record TriageRule(String pattern, String reason) {}

    /**
     * The outcome: a type, or the reason a person has to decide. Scores are there to explain the choice.
     * {@code alongside}: further types the same mail clearly asks for too, opened as linked requests.
     */
    public record Classification(
            Optional<RequestType> type, String reason, Map<RequestType, Integer> scores, List<RequestType> alongside) {

        public Classification(Optional<RequestType> type, String reason, Map<RequestType, Integer> scores) {
            this(type, reason, scores, List.of());
        }
    }

    private record Compiled(Pattern pattern, int weight) {}

    private final int threshold;
    private final int ambiguity;
    private final Map<RequestType, List<Compiled>> rules = new EnumMap<>(RequestType.class);
    private final List<Map.Entry<Pattern, String>> alwaysTriage = new ArrayList<>();
    private final List<Set<RequestType>> openTogether = new ArrayList<>();

    public RequestClassifier(Rules config) {
        this.threshold = config.threshold();
        this.ambiguity = config.ambiguity();
        config.types()
                .forEach((type, list) -> rules.put(
                        type,
                        list.stream()
                                .map(r -> new Compiled(compile(r.pattern()), r.weight()))
                                .toList()));
        if (config.alwaysTriage() != null) {
            config.alwaysTriage().forEach(r -> alwaysTriage.add(Map.entry(compile(r.pattern()), r.reason())));
        }
        if (config.openTogether() != null) {
            config.openTogether().forEach(set -> openTogether.add(Set.copyOf(set)));
        }
    }

    public static RequestClassifier fromYaml(InputStream yaml) {
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return new RequestClassifier(mapper.readValue(yaml, Rules.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The intake classification rules cannot be read: " + e.getMessage(), e);
        }
    }

    public Classification classify(String subject, String body) {
        String text =
                normalise((subject == null ? "" : subject) + "\n" + MailText.withoutQuotes(body == null ? "" : body));
        for (Map.Entry<Pattern, String> rule : alwaysTriage) {
            if (rule.getKey().matcher(text).find()) {
                return new Classification(Optional.empty(), rule.getValue(), Map.of());
            }
        }
        Map<RequestType, Integer> scores = new EnumMap<>(RequestType.class);
        rules.forEach((type, list) -> scores.put(
                type,
                list.stream()
                        .filter(r -> r.pattern().matcher(text).find())
                        .mapToInt(Compiled::weight)
                        .sum()));
        List<RequestType> candidates = scores.entrySet().stream()
                .filter(e -> e.getValue() >= threshold)
                .map(Map.Entry::getKey)
                .toList();
        if (candidates.isEmpty()) {
            return new Classification(Optional.empty(), "no request words recognised", scores);
        }
        // A second type with a fair score means the mail may ask for two things: a person decides.
        List<RequestType> mentioned = scores.entrySet().stream()
                .filter(e -> e.getValue() >= ambiguity)
                .map(Map.Entry::getKey)
                .toList();
        // Some pairs are two requests by nature ("delete my data and stop calling me"): both are opened, linked.
        if (candidates.size() > 1
                && openTogether.contains(Set.copyOf(candidates))
                && candidates.containsAll(mentioned)) {
            RequestType first = candidates.get(0);
            return new Classification(
                    Optional.of(first),
                    "recognised as " + candidates.stream().map(Enum::name).collect(Collectors.joining(" and ")),
                    scores,
                    candidates.subList(1, candidates.size()));
        }
        if (candidates.size() > 1 || mentioned.size() > 1) {
            return new Classification(
                    Optional.empty(),
                    "could be "
                            + mentioned.stream()
                                    .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                                    .collect(Collectors.joining(" or ")),
                    scores);
        }
        return new Classification(
                Optional.of(candidates.get(0)),
                "recognised as " + candidates.get(0).name(),
                scores);
    }

    /** Lower case, straight quotes, one space between words (phrases may be wrapped across lines). */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"')
                .replaceAll("[\\s\\u00a0]+", " ");
    }

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Intake classification rule is not a valid pattern: " + pattern, e);
        }
    }
}
