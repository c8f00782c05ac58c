package uk.lucidservices.privacydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo-people registry holds: one class per person, and tests reach people only through it. */
class TestPeopleTest {

    private static final Path SOURCES = Path.of("src/test/java/uk/lucidservices/privacydesk");
    private static final Pattern PERSON_LITERAL = Pattern.compile("\\bperson\\((\\d+)\\)");

    @Test
    void noDemoPersonIsClaimedByTwoTestClasses() {
        Map<Integer, String> owner = new HashMap<>();
        List<String> shared = new ArrayList<>();
        TestPeople.CLAIMS.forEach((testClass, people) -> people.forEach(p -> {
            String before = owner.putIfAbsent(p, testClass);
            if (before != null) {
                shared.add(p + ": " + before + " and " + testClass);
            }
        }));
        assertThat(shared).as("demo people claimed twice").isEmpty();
        assertThat(owner.keySet()).allMatch(p -> p >= 0 && p < TestPeople.DEMO_PEOPLE);
    }

    @Test
    void everyClaimingClassExistsAndAsksOnlyForItsOwnPeople() throws IOException {
        for (Map.Entry<String, List<Integer>> claim : TestPeople.CLAIMS.entrySet()) {
            Path source = SOURCES.resolve(claim.getKey().replace('.', '/') + ".java");
            assertThat(source).as("test class %s", claim.getKey()).exists();
            Matcher literal = PERSON_LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                assertThat(claim.getValue())
                        .as("person(%s) in %s", literal.group(1), claim.getKey())
                        .contains(Integer.parseInt(literal.group(1)));
            }
        }
    }

    @Test
    void testsReachDemoPeopleAndDemoDataOnlyThroughTheRegistry() throws IOException {
        List<String> bypasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString();
                if (name.startsWith("bench") || name.equals("TestPeople.java") || name.equals("TestPeopleTest.java")) {
                    continue;
                }
                String text = Files.readString(file);
                if (text.contains("DemoPeople.person(")) {
                    bypasses.add(name + " asks DemoPeople directly");
                }
                if (Pattern.compile("\\.generate\\(\\d").matcher(text).find()) {
                    bypasses.add(name + " generates demo data of its own size");
                }
                Matcher literal = PERSON_LITERAL.matcher(text);
                if (literal.find()
                        && !TestPeople.CLAIMS.containsKey(
                                name.replace(".java", "").replace('/', '.'))) {
                    bypasses.add(name + " uses person(" + literal.group(1) + ") but claims nobody");
                }
            }
        }
        assertThat(bypasses).isEmpty();
    }
}
