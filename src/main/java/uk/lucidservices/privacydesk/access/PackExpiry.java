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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Deletes pack files whose link has expired and marks them deleted, every
 * {@code desk.access.expiry.interval} (default hourly); {@code desk.access.expiry.enabled=false}
 * switches it off (tests call {@link #deleteExpired()} themselves).
 *
 * <p>Every node of a cluster runs it, on its own schedule: two nodes may list the same expired pack
 * at once. Deleting a file twice is harmless; the pack is marked deleted by one of them only, and
 * only that node records {@code PACK_DELETED}, in the same transaction, so the register says it once.
 */
@Component
class PackExpiry {

    private static final Logger log = LoggerFactory.getLogger(PackExpiry.class);

    private final DisclosurePacks packs;
    private final FileStore fileStore;
    private final RequestRegister register;
    private final AccessProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    public PackExpiry(
            DisclosurePacks packs,
            FileStore fileStore,
            RequestRegister register,
            AccessProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.packs = packs;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.register = register;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(
            fixedDelayString = "${desk.access.expiry.interval:PT1H}",
            initialDelayString = "${desk.access.expiry.interval:PT1H}")
    public void scheduled() {
        if (properties.expiry().enabled()) {
            deleteExpired();
        }
    }

    /** Deletes every expired pack's file; returns how many packs this call marked deleted. */
    public int deleteExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int deleted = 0;
        for (DisclosurePack pack : packs.expiredAndNotDeleted(now)) {
            if (expire(pack, now)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} expired disclosure packs", deleted);
        }
        return deleted;
    }

    /**
     * Deletes one expired pack's file, then marks the pack deleted and records it, unless another
     * node (or the request's closing) marked it first: returns whether this call did.
     */
    boolean expire(DisclosurePack pack, OffsetDateTime now) {
        fileStore.delete(pack.filePath());
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!packs.markDeleted(pack.id(), now)) {
                return false;
            }
            register.find(pack.reference())
                    .ifPresent(r ->
                            register.record(r.id(), "PACK_DELETED", "desk", "pack=" + pack.id() + "; link expired"));
            return true;
        }));
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "desk.access.expiry.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {}
}
