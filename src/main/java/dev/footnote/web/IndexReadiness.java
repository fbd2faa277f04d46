package dev.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.footnote.index.Index;
import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexMismatchException;

/** Ready when the database answers and the index holds essays built with the running configuration. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IndexReadiness.class);

    private final Index index;

    public IndexReadiness(Index index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("passage index");
        try {
            index.requireServing();
            int essays = index.essayCount();
            return response.status(essays > 0).withData("essays", essays)
                    .withData("passages", index.passageCount()).build();
        } catch (IndexBuildingException | IndexMismatchException e) {
            return response.down().withData("error", e.getMessage()).build();
        } catch (RuntimeException e) {
            // the database's own message names hosts and ports: it goes to the log, not to a public endpoint
            LOG.warnf("Readiness: %s", e.getMessage());
            return response.down().withData("error", "the database is not reachable").build();
        }
    }
}
