package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * Four eyes, the order of the steps, and the repeated search, on demo person 70. Each test logs its
 * own request; only {@link #aRecordAddedAfterErasureIsFoundByVerificationAndErasedOnTheNextPass} erases.
 */
class ErasureAuthorisationAndVerificationTest extends ErasureTestSupport {

    private static final DemoPerson PERSON = TestPeople.person(ErasureAuthorisationAndVerificationTest.class, 70);

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasureScopes scopes;

    @Autowired
    ErasureAuthorisation authorisation;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    ErasureVerification verification;

    @Autowired
    ErasureRunItems runItems;

    @Autowired
    ErasureCases cases;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @BeforeEach
    void data() {
        demoData();
    }

    @Test
    void thePreparerCannotAuthoriseTheirOwnPreview() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), "mark");
        assertThatThrownBy(() -> authorisation.authorise(reference, "mark", true, null))
                .isInstanceOf(SamePersonException.class)
                .hasMessageContaining("someone other than");
        assertThatThrownBy(() -> authorisation.authorise(reference, " MARK ", true, null))
                .isInstanceOf(SamePersonException.class);
        assertThat(cases.get(reference).decision()).isNull();
        assertThat(register.events(register.get(reference).id()))
                .extracting(e -> e.kind())
                .contains("ERASURE_SAME_PERSON_REFUSED");
    }

    @Test
    void theOfficerWhoReviewedThePreviewCannotAuthoriseItEither() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), null);
        preview.reviewed(reference, "mark");
        assertThatThrownBy(() -> authorisation.authorise(reference, "mark", true, null))
                .isInstanceOf(SamePersonException.class);
    }

    @Test
    void onlyAManagerCanAuthorise() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), "olivia");
        assertThatThrownBy(() -> authorisation.authorise(reference, "peter", true, null))
                .isInstanceOf(ErasureAuthorisationException.class)
                .hasMessageContaining("managers");
        assertThat(authorisation.authorise(reference, "mark", true, null).approved())
                .isTrue();
    }

    @Test
    void aRefusalNeedsAReasonAndStopsTheErasure() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), "olivia");
        assertThatThrownBy(() -> authorisation.authorise(reference, "mark", false, " "))
                .isInstanceOf(IllegalArgumentException.class);
        ErasureCase refused = authorisation.authorise(reference, "mark", false, "The account is in a legal dispute");
        assertThat(refused.refused()).isTrue();
        assertThat(refused.decisionReason()).isEqualTo("The account is in a legal dispute");
        assertThatThrownBy(() -> executor.execute(reference))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not been approved");
        assertThat(runItems.anyStarted(reference)).isFalse();
    }

    @Test
    void nothingIsErasedBeforeAManagerApproves() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, Set.of(), "olivia");
        assertThatThrownBy(() -> executor.execute(reference)).isInstanceOf(IllegalStateException.class);
        assertThat(runItems.anyStarted(reference)).isFalse();
    }

    @Test
    void aChildCannotBeKeptWhileItsParentIsDeleted() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, scopes.categories("marketing"), "olivia");
        assertThatThrownBy(() -> preview.markKept(reference, "tm-call-recordings", "Legal claim", "olivia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep 'tm-leads' as well");
        preview.markKept(reference, "tm-leads", "Legal claim about the lead's consent", "olivia");
        assertThat(preview.markKept(reference, "tm-call-recordings", "Legal claim", "olivia")
                        .markedBy())
                .isEqualTo("olivia");
    }

    @Test
    void aCategoryOutsideTheScopeOrAlreadyKeptCannotBeMarkedAndAReasonIsRequired() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, scopes.categories("marketing"), "olivia");
        assertThatThrownBy(() -> preview.markKept(reference, "call-recordings", "x", "olivia"))
                .hasMessageContaining("outside this request's scope");
        assertThatThrownBy(() -> preview.markKept(reference, "web-enquiries", " ", "olivia"))
                .hasMessageContaining("reason");
        String total = logErasureRequest(PERSON).reference();
        preview.preview(total, Set.of(), "olivia");
        assertThatThrownBy(() -> preview.markKept(total, "contracts", "x", "olivia"))
                .hasMessageContaining("already kept under the data map");
    }

    @Test
    void aRecordAddedAfterErasureIsFoundByVerificationAndErasedOnTheNextPass() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, scopes.categories("marketing"), "olivia");
        authorisation.authorise(reference, "mark", true, null);
        executor.execute(reference);
        assertThat(verification.verify(reference).clean()).isTrue();
        long deletedBefore =
                runItems.item(reference, "web-enquiries").orElseThrow().deleted();

        // A website form arrives for the same person, under yet another way of writing the number.
        jdbc.update("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, message, submitted_at)
                VALUES ('CONTACT', ?, NULL, NULL, ?, ?, 'Call me back', ?)""", PERSON.name(), "+44 (0)1632 960070", "+441632960070", OffsetDateTime.now(TestClock.clock()));
        assertThatThrownBy(() -> verification.requireNothingLeft(reference))
                .isInstanceOf(LeftoversFoundException.class)
                .hasMessageContaining("Website (category web-enquiries): 1")
                .message()
                .doesNotContain("960070")
                .doesNotContain(PERSON.name());
        assertThat(runItems.item(reference, "web-enquiries").orElseThrow().completed())
                .isFalse();
        assertThat(cases.get(reference).verifiedAt()).isNull();

        ErasureExecutor.Pass again = executor.execute(reference);
        assertThat(again.categoriesErased()).isEqualTo(1);
        assertThat(again.deleted()).isEqualTo(1);
        assertThat(runItems.item(reference, "web-enquiries").orElseThrow().deleted())
                .isEqualTo(deletedBefore + 1);
        assertThat(verification.requireNothingLeft(reference).clean()).isTrue();
        assertThat(directSearch(PERSON).get("web_enquiry")).isEmpty();
    }

    @Test
    void inAProcessLeftoversOpenAnIncidentNamingTheSystemAndACleanRepeatResolvesIt() {
        String reference = logErasureRequest(PERSON).reference();
        preview.preview(reference, scopes.categories("marketing"), "olivia");
        authorisation.authorise(reference, "mark", true, null);
        executor.execute(reference);
        jdbc.update("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, submitted_at)
                VALUES ('ENQUIRY', 'Someone', ?, ?, ?)""", PERSON.emailVariants().get(2), PERSON.email(), OffsetDateTime.now(TestClock.clock()));

        // verifyErasure -> leftovers? -> (erasure runs again) -> verifyErasure, as erasure-request loops.
        String deployment = repository
                .createDeployment()
                .addModelInstance(
                        "leftovers-test.bpmn",
                        Bpmn.createExecutableProcess("erasure-leftovers-test")
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Start_Erased")
                                .serviceTask("Task_VerifyErasure")
                                .camundaDelegateExpression("${verifyErasure}")
                                .exclusiveGateway("Gateway_Leftovers")
                                .condition("leftovers", "${leftoversFound}")
                                .userTask("Task_EraseAgain")
                                .connectTo("Task_VerifyErasure")
                                .moveToNode("Gateway_Leftovers")
                                .condition("clean", "${!leftoversFound}")
                                .endEvent("End_Verified")
                                .done())
                .deploy()
                .getId();
        try {
            String pid = runtime.startProcessInstanceByKey("erasure-leftovers-test", reference)
                    .getId();
            assertThat(runtime.getVariable(pid, "leftoversFound")).isEqualTo(true);
            Incident incident =
                    runtime.createIncidentQuery().processInstanceId(pid).singleResult();
            assertThat(incident.getIncidentType()).isEqualTo(VerifyErasure.INCIDENT_TYPE);
            assertThat(incident.getIncidentMessage())
                    .contains("Website (category web-enquiries): 1")
                    .doesNotContain(PERSON.email());

            executor.execute(reference);
            tasks.complete(tasks.createTaskQuery()
                    .processInstanceId(pid)
                    .singleResult()
                    .getId());
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(pid)
                            .count())
                    .isZero();
            assertThat(runtime.createIncidentQuery().processInstanceId(pid).count())
                    .isZero();
            assertThat(directSearch(PERSON).get("web_enquiry")).isEmpty();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }
}
