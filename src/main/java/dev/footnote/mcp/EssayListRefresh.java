package dev.footnote.mcp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.InitialCheck;
import io.quarkiverse.mcp.server.InitialRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;

/**
 * When the essay resources are brought in line with the index: as each MCP client connects, so that the list it
 * asks for next is current, and then every {@link #PERIOD} while the server runs, so that clients that stay
 * connected learn of a reindex (made here, through the admin API, or by another process on the same database)
 * from a {@code notifications/resources/list_changed}. Nothing is polled before the first client connects.
 * A refresh never fails a connection: until one succeeds, the list stays as it was.
 */
@Singleton
public class EssayListRefresh implements InitialCheck {

    static final Duration PERIOD = Duration.ofMinutes(1);

    private final EssayResources essays;
    private final Vertx vertx;
    private final AtomicBoolean periodic = new AtomicBoolean();

    public EssayListRefresh(EssayResources essays, Vertx vertx) {
        this.essays = essays;
        this.vertx = vertx;
    }

    @Override
    public Uni<CheckResult> perform(InitialRequest request) {
        if (periodic.compareAndSet(false, true)) {
            vertx.setPeriodic(PERIOD.toMillis(),
                    timer -> Infrastructure.getDefaultWorkerPool().execute(essays::refresh));
        }
        // off the event loop: the refresh reads the database
        return Uni.createFrom().item(() -> {
            essays.refresh();
            return CheckResult.SUCCESS;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(CheckResult.SUCCESS);
    }
}
