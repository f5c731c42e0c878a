package io.intime.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Starts a real PostgreSQL from Maven Central's binaries when no external database is
 * configured ({@code spring.datasource.url} unset), so that a first run needs nothing but a
 * JDK. The data lives under {@code intime.data-dir} (default {@code ./data}) and survives
 * restarts. With the {@code prod} profile it refuses to start instead: a production system
 * must never fall back silently to a local database.
 * <p>
 * PostgreSQL refuses to run as root; when the JVM runs as root (CI, containers) zonky starts
 * the server in a user namespace ({@code unshare -U}), where it is not root.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "intime";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new EmbeddedDatabaseRefusedException();
        }
        boolean ephemeral = environment.getProperty("intime.embedded-db.ephemeral", Boolean.class, false);
        Path dataDirectory = ephemeral ? Files.createTempDirectory("intime-pg-")
                : Path.of(environment.getProperty("intime.data-dir", "./data")).resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        stopOrphanedServer(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(ephemeral)
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60));
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        if (ephemeral) {
            log.info("Embedded PostgreSQL (throw-away, for tests) on port {}", postgres.getPort());
        }
        else {
            log.warn("""
                    Using the EMBEDDED PostgreSQL on port {}; data is kept in {} across restarts. \
                    For an external PostgreSQL set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://host:5432/intime), \
                    SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.""", postgres.getPort(), dataDirectory);
        }
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database '" + DATABASE + "'", e);
        }
    }

    /**
     * A server left running by a JVM that was killed (kill -9) still holds the data folder;
     * stop it so that this start can take the folder over.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("0").trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
                log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run", pid, dataDirectory);
                process.destroy();
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
        catch (NumberFormatException e) {
            log.debug("Unreadable {}", pidFile, e);
        }
    }

}
