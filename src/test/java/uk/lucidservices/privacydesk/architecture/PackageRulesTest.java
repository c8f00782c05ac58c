package uk.lucidservices.privacydesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules of the desk, as tests, so the layout stays true (issue 13, part 4): packages
 * form no cycle, features stand on the shared packages and never on each other, and the Camunda
 * engine API stays in a few named places, so a move to another engine (Operaton) stays mechanical.
 * Company tables are {@link CompanyTablesTest}'s; fully qualified names {@link NoFullyQualifiedNamesTest}'s.
 */
@AnalyzeClasses(packages = PackageRulesTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    static final String ROOT = "uk.lucidservices.privacydesk";

    /**
     * What features stand on. Every other package below {@link #ROOT} is a feature, so a new one
     * (objection, retention, ...) is held to the rules without being listed here.
     */
    static final Set<String> SHARED =
            Set.of("calendar", "datamap", "engine", "mail", "records", "request", "security", "sla");

    /** Every package, sub-packages such as records.demo included, is a slice of its own. */
    @ArchTest
    static final ArchRule no_cycles_between_packages =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other =
            slices().assignedFrom(features()).should().notDependOnEachOther();

    @ArchTest
    static final ArchRule shared_packages_do_not_depend_on_features = noClasses()
            .that(inShared())
            .should()
            .dependOnClassesThat(inFeature())
            .because("a shared package that knew a feature would tie every feature to it");

    /**
     * Classes outside the engine package and the delegates that still use the engine API, each
     * with the reason it does. Frozen, not endorsed: shrink the list, do not grow it without a
     * reason. A name that no longer uses the engine fails {@link #named_engine_users_still_use_it}.
     */
    static final Map<String, String> ENGINE_USERS = Map.ofEntries(
            // Starting processes and correlating messages is the engine's job; these are the
            // desk's one entry point per kind of start.
            Map.entry("request.RequestStarter", "starts every request's process (RuntimeService)"),
            Map.entry("request.ProcessStartGuard", "parse listener plugin: only the desk starts processes"),
            Map.entry("intake.TriageStarter", "starts the triage process for unclassified mail"),
            Map.entry("intake.ReplyDelivery", "correlates a requester's reply to its waiting process"),
            Map.entry("intake.IntakeAuthorizations", "lets the intake user start processes (authorizations)"),
            Map.entry("sla.ExtensionAsks", "correlates an officer's extension ask to the request's process"),
            Map.entry(
                    "access.ClarificationAsks",
                    "correlates an officer's clarification question to the request's process"),
            Map.entry("mail.LetterQueue", "starts the send-letter process for a queued letter"),
            Map.entry(
                    "erasure.RelationshipEndNotices",
                    "starts the Art. 19 notice process for what the relationship-end sweep erased"),
            Map.entry("mail.LettersByPost", "finds the posting tasks of letters that go by post"),
            // Who acted, and who may: the engine's identity service is the desk's user store.
            Map.entry("access.PackPreviewers", "who may preview a pack: the task's candidates"),
            Map.entry("erasure.ErasureAuthorisation", "checks the authoriser is a manager (identity service)"),
            Map.entry(
                    "erasure.ErasureByHandRecorders",
                    "who may record an erasure by hand: the officer holding the task (task service)"),
            Map.entry("intake.TriageSupport", "reads who triaged the mail (identity service)"),
            Map.entry("sla.RequestClockService", "checks a manager decided the extension (identity service)"),
            Map.entry("sla.StaffNotices", "finds the managers' addresses (identity service)"),
            // Reading and moving the engine's own state.
            Map.entry("sla.TaskDueDates", "dates every task on creation (engine event) and moves them with the clock"),
            Map.entry("sla.LiveTimers", "moves live timers when a clock changes (ManagementService)"),
            Map.entry(
                    "tasklist.TaskColumns",
                    "sets each new task's Tasklist columns (engine event) and renews its days left nightly"),
            Map.entry("erasure.EngineCopy", "finds and purges the person's copies in engine history"));

    @ArchTest
    static final ArchRule only_engine_and_delegates_use_the_engine_api = noClasses()
            .that(DescribedPredicate.not(mayUseEngine()))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda.bpm.engine..")
            .because("engine-specific code stays thin: the engine package, delegates and listeners,"
                    + " their helpers that only read the execution handed to them, security's identity"
                    + " and authorization setup, and the named ENGINE_USERS");

    @ArchTest
    static void named_engine_users_still_use_it(JavaClasses classes) {
        Set<String> stale = new TreeSet<>();
        ENGINE_USERS.keySet().forEach(name -> {
            JavaClass named = classes.get(ROOT + "." + name);
            if (!usesEngine(named)) {
                stale.add(name);
            }
        });
        assertThat(stale)
                .as("named engine users that no longer use the engine: drop them")
                .isEmpty();
    }

    /**
     * Delegates whose process-variable names another package's listener still reads as constants;
     * they go once the names live in one variables class per process (issue 13, part 2).
     */
    static final Set<String> PUBLIC_DELEGATES = Set.of("sla.PauseClock", "sla.ExtendDeadline");

    /** BPMN and Spring reach these by bean name or URL; no other package has reason to call them. */
    @ArchTest
    static final ArchRule delegates_listeners_and_controllers_are_package_private = classes()
            .that(DescribedPredicate.describe(
                    "are delegates, listeners or controllers",
                    c -> isDelegateOrListener(c)
                            || c.isAnnotatedWith(RestController.class)
                            || c.isAnnotatedWith(Controller.class)))
            .and(DescribedPredicate.describe(
                    "are not named in PUBLIC_DELEGATES",
                    c -> !PUBLIC_DELEGATES.contains(c.getName().substring(ROOT.length() + 1))))
            .should()
            .notBePublic();

    @ArchTest
    static void the_rules_see_the_features_and_shared_packages(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> {
            String top = topPackage(c);
            if (top != null) {
                packages.add(top);
            }
        });
        assertThat(packages)
                .containsAll(SHARED)
                .containsAll(List.of("access", "complaint", "erasure", "intake", "rights"));
    }

    private static SliceAssignment features() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String top = topPackage(javaClass);
                return top == null || SHARED.contains(top) ? SliceIdentifier.ignore() : SliceIdentifier.of(top);
            }

            @Override
            public String getDescription() {
                return "feature packages (every package below " + ROOT + " but " + SHARED + ")";
            }
        };
    }

    private static DescribedPredicate<JavaClass> inShared() {
        return DescribedPredicate.describe("are in a shared package " + SHARED, c -> {
            String top = topPackage(c);
            return top != null && SHARED.contains(top);
        });
    }

    private static DescribedPredicate<JavaClass> inFeature() {
        return DescribedPredicate.describe("are in a feature package", c -> {
            String top = topPackage(c);
            return top != null && !SHARED.contains(top);
        });
    }

    private static DescribedPredicate<JavaClass> mayUseEngine() {
        return DescribedPredicate.describe("may use the engine API", c -> {
            JavaClass top = outermost(c);
            String name = top.getName().substring(ROOT.length() + 1);
            String pkg = topPackage(top);
            return "engine".equals(pkg)
                    || "security".equals(pkg) // identity, groups, authorizations, filters: the engine's own model
                    || ENGINE_USERS.containsKey(name)
                    || isDelegateOrListener(top)
                    || onlyReadsTheExecution(top);
        });
    }

    private static boolean isDelegateOrListener(JavaClass c) {
        return c.isAssignableTo(JavaDelegate.class)
                || c.isAssignableTo(TaskListener.class)
                || c.isAssignableTo(ExecutionListener.class);
    }

    /**
     * A delegate's helper (FormVariables, StepValues, LetterTexts, ...) that touches no engine service,
     * only the execution or task a delegate hands it and the typed variable values.
     */
    private static boolean onlyReadsTheExecution(JavaClass c) {
        List<Dependency> engine = engineDependencies(c);
        return !engine.isEmpty()
                && engine.stream()
                        .map(d -> d.getTargetClass().getPackageName())
                        .allMatch(p -> p.equals("org.camunda.bpm.engine.delegate")
                                || p.startsWith("org.camunda.bpm.engine.variable"));
    }

    private static boolean usesEngine(JavaClass c) {
        return !engineDependencies(c).isEmpty();
    }

    private static List<Dependency> engineDependencies(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream()
                .filter(d -> d.getTargetClass().getPackageName().startsWith("org.camunda.bpm.engine"))
                .toList();
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** "access" for uk.lucidservices.privacydesk.access.Foo and ...records.demo.Bar's "records". */
    static String topPackage(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
