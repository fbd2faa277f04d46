package dev.footnote.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.footnote.index.Index;
import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexMismatchException;
import dev.footnote.search.SearchDatabase;

/**
 * Ready when the database answers and the index holds essays built with the running configuration, and, when
 * searches read a replica ({@code footnote.search.datasource}), when the replica answers too: a load balancer
 * should not send questions to a process whose searches all fail.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final Index index;
    private final SearchDatabase searches;

    public IndexReadiness(Index index, SearchDatabase searches) {
        this.index = index;
        this.searches = searches;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("passage index");
        try {
            index.requireServing();
            int essays = index.essayCount();
            response.status(essays > 0).withData("essays", essays).withData("passages", index.passageCount())
                    .withData("searches", searches.replica() ? "replica" : "primary");
        } catch (IndexBuildingException | IndexMismatchException e) {
            return response.down().withData("error", e.getMessage()).build();
        } catch (RuntimeException e) {
            // the database's own message names hosts and ports: it goes to the log, not to a public endpoint
            Problems.warn("Readiness", e.getMessage());
            return response.down().withData("error", "the database is not reachable").build();
        }
        if (searches.replica()) {
            try (Connection connection = searches.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1 FROM passage_stats");
            } catch (SQLException e) {
                Problems.warn("Readiness: search replica", e.getMessage());
                return response.down().withData("error", "the search replica is not reachable").build();
            }
        }
        return response.build();
    }
}
