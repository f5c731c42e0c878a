package io.intime.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;

import io.intime.InTimeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL as a user meets it: started by the application, kept across restarts, refused in prod. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTest {

    @Test
    void keepsDataInTheDataDirectoryAcrossRestarts(@TempDir Path dataDir, CapturedOutput output) {
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(JdbcClient.class).sql("create table restart_marker (note text)").update();
            first.getBean(JdbcClient.class).sql("insert into restart_marker values ('kept')").update();
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        assertThat(output.getOut()).contains("Using the EMBEDDED PostgreSQL")
                .contains(dataDir.resolve("postgres").toString())
                .contains("SPRING_DATASOURCE_URL");
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(JdbcClient.class).sql("select note from restart_marker").query(String.class).single())
                    .isEqualTo("kept");
        }
    }

    @Test
    void refusesToStartWithTheProdProfileAndNoExternalDatabase(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(InTimeApplication.class).profiles("prod")
                .run("--server.port=0").close())
                .hasRootCauseInstanceOf(EmbeddedDatabaseRefusedException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("needs an external PostgreSQL")
                .contains("SPRING_DATASOURCE_URL");
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(InTimeApplication.class)
                .run("--server.port=0", "--intime.demo=false", "--intime.data-dir=" + dataDir);
    }
}
