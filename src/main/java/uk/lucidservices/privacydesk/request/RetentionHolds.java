package uk.lucidservices.privacydesk.request;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.RelatedComplaints;

/** The requests an open complaint still needs: retention and the reuse of earlier requests leave them be. */
@Component
public class RetentionHolds {

    private final RelatedComplaints complaints;
    private final RequestRegister register;

    public RetentionHolds(RelatedComplaints complaints, RequestRegister register) {
        this.complaints = complaints;
        this.register = register;
    }

    /** References of requests named by a complaint whose own request is not closed. */
    public List<String> held() {
        List<RelatedComplaints.Link> links = complaints.links();
        if (links.isEmpty()) {
            return List.of();
        }
        Set<String> open = register.openAmong(
                links.stream().map(RelatedComplaints.Link::complaintReference).toList());
        return links.stream()
                .filter(l -> open.contains(l.complaintReference()))
                .map(RelatedComplaints.Link::relatedReference)
                .distinct()
                .sorted()
                .toList();
    }
}
