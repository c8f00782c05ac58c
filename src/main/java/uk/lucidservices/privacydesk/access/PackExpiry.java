package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Deletes pack files whose link has expired and marks them deleted, every
 * {@code desk.access.expiry.interval} (default hourly); {@code desk.access.expiry.enabled=false}
 * switches it off (tests call {@link #deleteExpired()} themselves).
 */
@Component
class PackExpiry {

    private static final Logger log = LoggerFactory.getLogger(PackExpiry.class);

    private final DisclosurePacks packs;
    private final FileStore fileStore;
    private final RequestRegister register;
    private final AccessProperties properties;
    private final Clock clock;

    public PackExpiry(
            DisclosurePacks packs,
            FileStore fileStore,
            RequestRegister register,
            AccessProperties properties,
            Clock clock) {
        this.packs = packs;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.register = register;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${desk.access.expiry.interval:PT1H}",
            initialDelayString = "${desk.access.expiry.interval:PT1H}")
    public void scheduled() {
        if (properties.expiry().enabled()) {
            deleteExpired();
        }
    }

    /** Deletes every expired pack's file; returns how many packs were deleted. */
    public int deleteExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int deleted = 0;
        for (DisclosurePack pack : packs.expiredAndNotDeleted(now)) {
            fileStore.delete(pack.filePath());
            packs.markDeleted(pack.id(), now);
            register.find(pack.reference())
                    .ifPresent(r ->
                            register.record(r.id(), "PACK_DELETED", "desk", "pack=" + pack.id() + "; link expired"));
            deleted++;
        }
        if (deleted > 0) {
            log.info("Deleted {} expired disclosure packs", deleted);
        }
        return deleted;
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "desk.access.expiry.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {}
}
