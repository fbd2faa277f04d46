package dev.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.footnote.index.Index;

/** Ready when the database answers and the index holds essays built with the running configuration. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

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
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
