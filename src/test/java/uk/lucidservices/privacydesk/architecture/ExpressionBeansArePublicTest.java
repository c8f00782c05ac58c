package uk.lucidservices.privacydesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Classes are package-private by default, but a bean whose method a BPMN expression calls
 * ({@code ${letterTexts.refusalReason(execution)}}) must be public: the engine's JUEL resolver finds
 * no method on a package-private class and the process fails at run time, not at start.
 */
@AnalyzeClasses(packages = PackageRulesTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ExpressionBeansArePublicTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern METHOD_CALL = Pattern.compile("\\b([a-z]\\w*)\\.\\w+\\s*\\(");
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");

    @ArchTest
    static void beans_called_from_bpmn_are_public(JavaClasses classes) {
        Set<String> called = calledBeans();
        assertThat(called).as("beans whose methods BPMN calls").contains("letterTexts", "requestClockService");

        Map<String, JavaClass> beans = classes.stream()
                .filter(c -> c.isAnnotatedWith(Component.class) || c.isAnnotatedWith(Service.class))
                .collect(Collectors.toMap(c -> Introspector.decapitalize(c.getSimpleName()), c -> c, (a, b) -> a));
        Map<String, String> notPublic = new TreeMap<>();
        for (String bean : called) {
            JavaClass c = beans.get(bean);
            assertThat(c).as("a @Component or @Service class for bean " + bean).isNotNull();
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                notPublic.put(bean, c.getName());
            }
        }
        assertThat(notPublic).as("beans BPMN calls that are not public").isEmpty();
    }

    private static Set<String> calledBeans() {
        Set<String> beans = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher e = EXPRESSION.matcher(Files.readString(f));
                while (e.find()) {
                    Matcher call = METHOD_CALL.matcher(e.group(1));
                    while (call.find()) {
                        if (!ENGINE_NAMES.contains(call.group(1))) {
                            beans.add(call.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return beans;
    }
}
