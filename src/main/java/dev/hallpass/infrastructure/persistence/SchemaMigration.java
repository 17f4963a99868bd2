package dev.hallpass.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date with Flyway before anything else runs, then has Hibernate check that
 * the entities match it. Hibernate never changes the schema itself.
 */
@ApplicationScoped
public class SchemaMigration {

    public static final int PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/hallpass")
    DataSource dataSource;

    @PersistenceUnit(unitName = "hallpass")
    EntityManagerFactory entityManagerFactory;

    void migrate(@Observes @Priority(PRIORITY) Startup startup) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + (result.targetSchemaVersion == null ? result.initialSchemaVersion
                : result.targetSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }
}
