package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * With logging.structured.format.console=ecs the console writes each line through Spring Boot's
 * StructuredLogEncoder; here the same encoder, on the suite's own logging, encodes what the desk
 * logs while the engine works a request: JSON lines with the request reference as a field.
 */
class StructuredLogTest extends DeskIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RequestStarter starter;

    @Test
    void whatTheDeskLogsWhileWorkingARequestIsJsonWithTheReferenceAndNoPersonalData() throws Exception {
        DemoPerson person = TestPeople.person(StructuredLogTest.class, 441);
        List<String> lines = new ArrayList<>();
        Logger desk = (Logger) LoggerFactory.getLogger("uk.lucidservices.privacydesk");
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.setFormat("ecs");
        encoder.start();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
            }
        };
        capture.setContext(encoder.getContext());
        capture.start();
        desk.addAppender(capture);
        Request request;
        try {
            request = starter.start(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                    .name(person.name())
                    .email(person.email())
                    .phone(person.phone())
                    .summary("My bill is wrong")
                    .loggedBy("test")
                    .build());
            runDueJobs(request.processInstanceId());
        } finally {
            desk.detachAppender(capture);
            capture.stop();
        }

        assertThat(lettersSent(request.reference())).contains("complaint-acknowledgement");
        List<JsonNode> letterLines = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).endsWith("\n").doesNotContain(person.name(), person.email(), person.phone());
            JsonNode json = JSON.readTree(line);
            if (json.path("message").asText().startsWith("Letter complaint-acknowledgement sent")) {
                letterLines.add(json);
            }
        }
        assertThat(letterLines).hasSize(1);
        JsonNode letter = letterLines.get(0);
        assertThat(letter.path("requestReference").asText()).isEqualTo(request.reference());
        assertThat(letter.path("processDefinitionKey").asText()).isNotEmpty();
        // Spring Boot 3.5 writes ECS fields nested: {"log":{"level":"INFO",...},"ecs":{"version":...}}.
        assertThat(letter.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(letter.at("/log/logger").asText()).endsWith("mail.LetterService");
        assertThat(letter.at("/ecs/version").asText()).isNotEmpty();
    }
}
