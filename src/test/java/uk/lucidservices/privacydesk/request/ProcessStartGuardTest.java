package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * Only the desk starts processes, even for a caller the engine lets in: these starts run through
 * the RuntimeService with no authenticated user, as the desk's own code does.
 */
class ProcessStartGuardTest extends DeskIntegrationTest {

    @Autowired
    RequestStarter starter;

    @Autowired
    RequestRegister register;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aComplaintStartedUnderASubjectAccessRequestsReferenceIsRefused() {
        Request sar = register.log(newRequest(RequestType.SUBJECT_ACCESS));

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
                        "complaint",
                        sar.reference(),
                        Map.of("requestReference", sar.reference(), "requestId", sar.id())))
                .isInstanceOf(ProcessStartGuard.ProcessStartRefusedException.class)
                .hasMessageContaining("Start of 'complaint' refused")
                .hasMessageContaining(sar.reference() + " is of type SUBJECT_ACCESS, not COMPLAINT");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(sar.reference())
                        .count())
                .isZero();
    }

    @Test
    void skippingCustomListenersDoesNotSkipTheGuard() {
        Request sar = register.log(newRequest(RequestType.SUBJECT_ACCESS));

        assertThatThrownBy(() -> runtimeService
                        .createProcessInstanceByKey("complaint")
                        .businessKey(sar.reference())
                        .startBeforeActivity("Start_ComplaintReceived")
                        .execute(true, true))
                .isInstanceOf(ProcessStartGuard.ProcessStartRefusedException.class);
    }

    @Test
    void aRequestProcessNeedsARegisterRowAndOnlyOneProcessPerRow() {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("subject-access-request", "SAR-0000-999999"))
                .hasMessageContaining("not a reference in the request register");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("erasure-request"))
                .hasMessageContaining("not a reference in the request register");

        Request started = starter.start(newRequest(RequestType.COMPLAINT));
        assertThat(started.processInstanceId()).isNotNull();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("complaint", started.reference()))
                .hasMessageContaining(started.reference() + " already has its process");
    }

    @Test
    void theDesksInternalProcessesStartOnlyWhenTheDeskStartsThem() {
        Request request = register.log(newRequest(RequestType.SUBJECT_ACCESS));
        Map<String, Object> letter = Map.of(
                "requestReference",
                request.reference(),
                "requestId",
                request.id(),
                "letterTemplate",
                "acknowledgement");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("desk-letter", request.reference(), letter))
                .hasMessageContaining("Start of 'desk-letter' refused: it is started by the desk itself");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("mail-triage", "MAIL-1"))
                .hasMessageContaining("Start of 'mail-triage' refused");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("request-sla-clocks", request.reference()))
                .hasMessageContaining("it runs only as part of a request's process");

        String letterInstance = DeskProcessStart.byDesk(() -> runtimeService
                .startProcessInstanceByKey("desk-letter", request.reference(), letter)
                .getId());
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(letterInstance)
                        .count())
                .isOne();
        runtimeService.deleteProcessInstance(letterInstance, "test letter not needed");
    }

    @Test
    void aRequestStartedByTheDeskRunsItsCalledClocks() {
        Request sar = starter.start(newRequest(RequestType.SUBJECT_ACCESS));

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .superProcessInstanceId(sar.processInstanceId())
                        .processDefinitionKey("request-sla-clocks")
                        .count())
                .isOne();
    }

    private static NewRequest newRequest(RequestType type) {
        return NewRequest.builder(type, Channel.LETTER)
                .name("Gideon Starling")
                .email("gideon." + UUID.randomUUID() + "@example.com")
                .loggedBy("test")
                .build();
    }
}
