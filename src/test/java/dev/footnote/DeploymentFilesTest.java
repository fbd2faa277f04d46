package dev.footnote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The ways of running Footnote agree on what the README promises: only this machine reaches it unless a deployment
 * says otherwise, and the JVM's memory is bounded wherever serve runs.
 */
class DeploymentFilesTest {

    @Test
    void should_listen_on_loopback_unless_a_container_opens_it() throws IOException {
        assertThat(read("src/main/resources/application.properties")).contains("\nquarkus.http.host=127.0.0.1\n");
        assertThat(read("src/main/docker/Dockerfile.jvm")).contains("QUARKUS_HTTP_HOST=0.0.0.0");
        for (String compose : List.of("docker-compose.yml", "docker-compose.scale.yml")) {
            assertThat(read(compose)).as(compose).contains("QUARKUS_HTTP_HOST: 0.0.0.0", "FOOTNOTE_API_KEYS:");
        }
    }

    @Test
    void should_bound_the_memory_of_every_serve() throws IOException {
        assertThat(read("scripts/java-options")).contains("-Xmx512m", "MALLOC_ARENA_MAX");
        for (String script : List.of("scripts/serve", "scripts/footnote", "scripts/bench", "scripts/bench-search")) {
            assertThat(read(script)).as(script).contains("java-options").contains("java $JAVA_OPTS");
        }
        assertThat(read("src/main/docker/Dockerfile.jvm")).contains("JAVA_TOOL_OPTIONS=\"-Xmx512m", "MALLOC_ARENA_MAX=2");
        for (String compose : List.of("docker-compose.yml", "docker-compose.scale.yml")) {
            assertThat(read(compose)).as(compose).contains("mem_limit:");
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
