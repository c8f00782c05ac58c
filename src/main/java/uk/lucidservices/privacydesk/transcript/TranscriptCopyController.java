package uk.lucidservices.privacydesk.transcript;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.InvalidRequestException;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Staff log a request for a copy of one chat transcript, asked in the chat itself or by a further
 * enquiry, naming the address the copy should go to. Answers the reference only.
 */
@RestController
class TranscriptCopyController {

    private final TranscriptCopies copies;
    private final CurrentStaff staff;

    TranscriptCopyController(TranscriptCopies copies, CurrentStaff staff) {
        this.copies = copies;
        this.staff = staff;
    }

    record CopyRequest(
            @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            Channel channel) {}

    record Logged(String reference) {}

    @PostMapping("/api/chat-transcripts/{transcriptId}/copy-requests")
    ResponseEntity<Logged> log(
            @PathVariable long transcriptId, @Valid @RequestBody CopyRequest body, BindingResult binding) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        if (binding.hasFieldErrors()) {
            throw new InvalidRequestException(String.join(
                    "; ",
                    binding.getFieldErrors().stream()
                            .map(f -> f.getField() + " " + f.getDefaultMessage())
                            .toList()));
        }
        if (!copies.transcriptExists(transcriptId)) {
            throw new ResponseStatusException(NOT_FOUND, "No chat transcript #" + transcriptId);
        }
        Request request = copies.open(
                transcriptId,
                TranscriptCopies.asked(
                        body.name(),
                        body.email(),
                        body.channel() == null ? Channel.EMAIL : body.channel(),
                        "Copy of chat transcript #" + transcriptId,
                        staff.userId()));
        return ResponseEntity.created(URI.create("/api/requests/" + request.reference()))
                .body(new Logged(request.reference()));
    }
}
