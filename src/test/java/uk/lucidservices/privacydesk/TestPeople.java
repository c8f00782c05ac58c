package uk.lucidservices.privacydesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import uk.lucidservices.privacydesk.records.demo.DemoPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * Which demo people each test class works on, in one table, so that no two classes share a person:
 * all classes share one database, and a class that erases someone another class reads would make
 * the suite pass or fail by the order the classes run in. A test gets a person through
 * {@link #person}, which refuses one its class did not claim; {@code TestPeopleTest} refuses a
 * person claimed twice and a test that reaches demo people any other way.
 */
public final class TestPeople {

    /** The demo data every test generates: every tenth person (0, 10, ... 490) is in every system. */
    public static final int DEMO_PEOPLE = 500;

    public static final long DEMO_SEED = 20260401L;

    /** Test class (relative to this package) to the demo people it claims. */
    static final Map<String, List<Integer>> CLAIMS = new LinkedHashMap<>();

    static {
        claim("access.DisclosurePackTest", 0);
        claim("access.SeparationOfDutiesTest", 10, 80, 120, 290);
        claim("records.DemoDataAndRecordSourceTest", 20, 30, 90);
        claim("erasure.ErasureOfOneSubjectTest", 40, 41);
        claim("erasure.ScopedErasureTest", 50);
        claim("erasure.ErasureProcessTest", 60);
        claim("erasure.ErasureAuthorisationAndVerificationTest", 70);
        claim("access.SarIdentityAndDisclosureTest", 100, 180, 200, 210, 250, 260);
        claim("access.SarTriageTest", 110, 140, 410, 420, 430, 440);
        claim("access.IdentifiersOneByOneTest", 130, 150, 160, 170);
        claim("complaint.ComplaintProcessTest", 190, 421, 422, 423, 424, 425, 426);
        claim("access.SarFormsTest", 220);
        claim("access.SarChannelsTest", 230);
        claim("engine.NothingPersonalInEngineHistoryTest", 283, 287, 450);
        claim(
                "erasure.ErasureRequestProcessTest",
                IntStream.rangeClosed(30, 40).map(i -> i * 10).toArray());
        claim("access.AccessDelegatesTest", 460);
        claim("access.PackDeliveryTest", 470);
        claim("access.SarExtensionAtAnyStageTest", 452, 453, 467);
        claim("erasure.ErasureExtensionAtAnyStageTest", 454, 468);
        claim("erasure.ErasureByHandTest", 471, 472, 473, 474);
        claim("access.SarClarificationAtAnyStageTest", 455, 456, 459);
        claim("erasure.ErasureClarificationAtAnyStageTest", 457);
        claim("rights.RightsClarificationAtAnyStageTest", 458);
        claim("access.RedactionItemsApiTest", 480);
        claim("access.ClarificationAskGuardsTest", 478, 479, 482);
        claim("access.ExtensionFourEyesTest", 481);
        claim("erasure.ErasureClarificationAfterAuthorisationTest", 483);
        claim("access.AccessFormsTest", 490);
        claim("access.WelshSarLettersProcessTest", 476, 477);
        claim("objection.ObjectionProcessTest", 271, 273, 275, 277);
        claim("objection.DoNotRecordTest", 279, 281);
        claim("transcript.TranscriptCopyTest", 285, 289);
        claim("tasklist.TasklistJourneyTest", 240, 270);
        claim("retention.RetentionJobTest", 301, 302, 303, 304, 305, 306, 307, 308, 309);
        claim("retention.DeskRecordsInAccessAndErasureTest", 311, 312);
        claim("erasure.RelationshipEndSweepTest", 331, 332, 333);
        claim("access.SarClocksTellTheTruthTest", 381, 382);
        claim(
                "rights.RightsRequestProcessTest",
                361,
                362,
                363,
                364,
                365,
                366,
                367,
                368,
                369,
                371,
                372,
                373,
                374,
                375,
                376,
                377,
                378,
                379);
        claim("engine.StructuredLogTest", 441);
        claim("access.ProportionateIdentityCheckTest", 401, 402);
        claim("erasure.ComplaintRecordingsKeptTest", 403);
        claim("access.FeeRouteTest", 405);
        claim("erasure.RelationshipEndNoticesTest", 341, 342);
        claim("retention.CompanyRecordPeriodsTest", 343, 344);
        claim("rights.RightsRequestClocksTest", 451);
        claim("rights.RightsExtensionAtAnyStageTest", 465, 466, 469);
    }

    private TestPeople() {}

    private static void claim(String testClass, int... people) {
        CLAIMS.put(testClass, IntStream.of(people).boxed().toList());
    }

    /** Demo person {@code index}, which {@code testClass} must have claimed above. */
    public static DemoPerson person(Class<?> testClass, int index) {
        List<Integer> claimed = claimedBy(testClass);
        if (!claimed.contains(index)) {
            throw new AssertionError("Demo person " + index + " is not claimed by " + testClass.getSimpleName()
                    + " (it claims " + claimed + "): claim an unused one in TestPeople");
        }
        return DemoPeople.person(index);
    }

    /** The one demo person {@code testClass} claimed, for classes that work on a single person. */
    public static DemoPerson onlyPerson(Class<?> testClass) {
        List<Integer> claimed = claimedBy(testClass);
        if (claimed.size() != 1) {
            throw new AssertionError(testClass.getSimpleName() + " claims " + claimed + ", not one person");
        }
        return DemoPeople.person(claimed.get(0));
    }

    public static List<Integer> claimedBy(Class<?> testClass) {
        String name =
                testClass.getName().substring(TestPeople.class.getPackageName().length() + 1);
        List<Integer> claimed = CLAIMS.get(name);
        if (claimed == null) {
            throw new AssertionError(name + " claims no demo people: add it to TestPeople");
        }
        return claimed;
    }
}
