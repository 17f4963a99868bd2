package dev.hallpass.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of the test's own on the PostgreSQL server at {@code hallpass.it.postgres.url}
 * (default: 127.0.0.1:5432 as user postgres, trust auth), created for the test and dropped after.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String ADMIN_URL = System.getProperty("hallpass.it.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Whether a PostgreSQL server answers; the reason it does not otherwise. */
    public static String unavailableReason() {
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL + "&connectTimeout=3")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + ADMIN_URL + ": " + e.getMessage();
        }
    }

    /**
     * Aborts the calling test class (skipped, with a loud line in the log) when no PostgreSQL answers: the
     * PostgreSQL suite needs one, the rest of the suite does not.
     */
    public static void skipUnlessReachable(String who) {
        String unavailable = unavailableReason();
        if (unavailable != null) {
            System.err.println("\n*** SKIPPING " + who + ": " + unavailable + " ***\n");
            org.junit.jupiter.api.Assumptions.abort(unavailable);
        }
    }

    public static PostgresDatabase create(String purpose) {
        String name = "hallpass_it_" + purpose.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    /** The JDBC URL Hallpass is configured with. */
    public String jdbcUrl() {
        return ADMIN_URL.replace("/postgres?", "/" + name + "?");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** An outage as the application sees it: no new connections, and the open ones cut. */
    public void refuseConnections() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    public void allowConnections() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
