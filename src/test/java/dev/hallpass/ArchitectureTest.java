package dev.hallpass;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/architecture.md}, checked on the compiled main classes, so that a
 * change that breaks one fails the build in seconds. Each rule holds with no exception: nothing is frozen.
 */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hallpass");
    }

    @Test
    void entitiesKnowOnlyJpaAndTheJdk() {
        classes().that().resideInAPackage("..entity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..entity..", "jakarta.persistence..", "java..")
                .check(main);
    }

    @Test
    void rulesNeverReachOutToTheirBoundaryOrToInfrastructure() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "dev.hallpass.infrastructure..",
                        "jakarta.ws.rs..", "jakarta.servlet..", "jakarta.faces..")
                .check(main);
    }

    @Test
    void onlyThePersistenceAdapterTalksToTheDatabase() {
        noClasses().that().resideOutsideOfPackage("dev.hallpass.infrastructure.persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "org.hibernate..", "java.sql..")
                .check(main);
    }

    @Test
    void onlyTheCacheAdapterTalksToRedis() {
        noClasses().that().resideOutsideOfPackage("dev.hallpass.infrastructure.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("redis.clients..", "io.github.bucket4j..")
                .check(main);
    }

    @Test
    void theProblemKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.hallpass.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass.account..", "dev.hallpass.session..",
                        "dev.hallpass.token..", "dev.hallpass.audit..", "dev.hallpass.admin..", "dev.hallpass.selfservice..",
                        "dev.hallpass.apps..", "dev.hallpass.alerting..", "dev.hallpass.infrastructure..")
                .check(main);
    }

    static final String[] FEATURES_AND_KERNELS = {"dev.hallpass.account..", "dev.hallpass.audit..", "dev.hallpass.session..",
        "dev.hallpass.token..", "dev.hallpass.admin..", "dev.hallpass.selfservice..", "dev.hallpass.apps..",
        "dev.hallpass.alerting..", "dev.hallpass.client..", "dev.hallpass.web..", "dev.hallpass.problem..",
        "dev.hallpass.language.."};

    /** Infrastructure implements the features' ports; a feature never reaches into it (the metrics qualifier aside). */
    @Test
    void noFeatureImportsInfrastructureButTheMetricsQualifier() {
        noClasses().that().resideInAnyPackage(FEATURES_AND_KERNELS)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.hallpass.infrastructure..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.hallpass.infrastructure.metrics"))))
                .check(main);
    }

    @Test
    void infrastructureNeverImportsAFeaturesBoundary() {
        noClasses().that().resideInAPackage("dev.hallpass.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "dev.hallpass.admin..", "dev.hallpass.selfservice..",
                        "dev.hallpass.session.login..", "dev.hallpass.session.push..", "dev.hallpass.session.devices..",
                        "dev.hallpass.session.search..")
                .check(main);
    }

    /** Tokens hang off sessions: the token feature uses the session feature, which knows tokens only through its ports. */
    @Test
    void theSessionFeatureKnowsNothingOfTokens() {
        noClasses().that().resideInAPackage("dev.hallpass.session..")
                .should().dependOnClassesThat().resideInAPackage("dev.hallpass.token..")
                .check(main);
    }

    @Test
    void theSharedKernelsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.hallpass.client..", "dev.hallpass.web..", "dev.hallpass.language..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass.account..", "dev.hallpass.audit..",
                        "dev.hallpass.session..", "dev.hallpass.token..", "dev.hallpass.admin..", "dev.hallpass.selfservice..",
                        "dev.hallpass.apps..", "dev.hallpass.alerting..", "dev.hallpass.infrastructure..")
                .check(main);
    }

    /** The language kernel is what every other package puts its sentences through; it uses none of them. */
    @Test
    void theLanguageKernelUsesNoOtherPackageOfHallpass() {
        noClasses().that().resideInAPackage("dev.hallpass.language..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.hallpass..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.hallpass.language.."))))
                .check(main);
    }

    /**
     * No cycle between slices: each feature and kernel is one slice, each infrastructure package another
     * (the cache adapter implements session ports, and a session class may inject the metrics qualifier).
     */
    @Test
    void thereIsNoCycleBetweenFeaturesKernelsAndAdapters() {
        SliceRule rule = SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String[] parts = javaClass.getPackageName().split("\\.");
                if (parts.length < 3 || !"dev".equals(parts[0]) || !"hallpass".equals(parts[1])) {
                    return SliceIdentifier.ignore();
                }
                return "infrastructure".equals(parts[2]) && parts.length > 3
                        ? SliceIdentifier.of("infrastructure." + parts[3]) : SliceIdentifier.of(parts[2]);
            }

            @Override
            public String getDescription() {
                return "features, kernels and infrastructure packages";
            }
        }).should().beFreeOfCycles();
        rule.check(main);
    }

    /**
     * The session lifecycle ({@code session.boundary}) is what login, push, devices and the console's search
     * build on; it never uses them, and they do not use each other in circles.
     */
    @Test
    void theSessionLifecycleNeverUsesTheConcernsBuiltOnIt() {
        noClasses().that().resideInAnyPackage("dev.hallpass.session.boundary..", "dev.hallpass.session.control..",
                        "dev.hallpass.session.entity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hallpass.session.login..", "dev.hallpass.session.push..",
                        "dev.hallpass.session.devices..", "dev.hallpass.session.search..")
                .check(main);
        SlicesRuleDefinition.slices().matching("dev.hallpass.session.(*)..").should().beFreeOfCycles().check(main);
    }
}
