package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.DeskProperties;

/**
 * Issues the download link of an approved pack: a fresh random token whose SHA-256 alone is
 * stored, valid for {@code desk.access.link-days} days. Issuing again replaces the token, so an
 * earlier link stops working. The token in clear exists only in the returned link (and the email).
 */
@Service
class PackDelivery {

    private final DisclosurePacks packs;
    private final AccessProperties properties;
    private final String publicUrl;
    private final Clock clock;

    public PackDelivery(DisclosurePacks packs, AccessProperties properties, DeskProperties desk, Clock clock) {
        this.packs = packs;
        this.properties = properties;
        String publicUrl = desk.publicUrl();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    public record IssuedLink(String packId, String url, OffsetDateTime expiresAt) {
        @Override
        public String toString() {
            return "IssuedLink[pack=" + packId + ", expires=" + expiresAt + "]";
        }
    }

    @Transactional
    public IssuedLink issueLink(String reference) {
        DisclosurePack pack = packs.current(reference)
                .orElseThrow(
                        () -> new IllegalStateException("Request " + reference + " has no disclosure pack to send"));
        if (pack.approvedBy() == null) {
            throw new IllegalStateException("The pack for " + reference + " has not been approved by a second person");
        }
        String token = PackTokens.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plusDays(properties.linkDays());
        packs.issue(pack.id(), PackTokens.hash(token), now, expires);
        return new IssuedLink(pack.id(), publicUrl + "/packs/" + token, expires);
    }

    /** The pack a token opens, whatever its state; empty for a token never issued (or replaced). */
    public Optional<DisclosurePack> packFor(String token) {
        if (!PackTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return packs.byTokenHash(PackTokens.hash(token));
    }
}
