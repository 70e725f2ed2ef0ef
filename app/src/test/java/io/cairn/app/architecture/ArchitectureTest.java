package io.cairn.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-way rules between Cairn's modules, checked on their main classes: the build fails when a
 * change breaks one. The app sees every module but the bench, whose pom may not depend on Cairn at
 * all (the enforcer's rule there).
 */
class ArchitectureTest {
  /** Main classes only: tests and test fixtures may reach across layers to set things up. */
  private static final ImportOption MAIN_CODE =
      location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

  private static final JavaClasses CAIRN =
      new ClassFileImporter()
          .withImportOption(MAIN_CODE)
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("io.cairn");

  /** What a domain declares is pure: deciders and projections know only the JDK. */
  static final ArchRule CORE_IS_PURE =
      classes()
          .that()
          .resideInAPackage("io.cairn.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.cairn.core..", "java..")
          .as("core depends on nothing but the JDK");

  /** The commerce domain knows core and itself: no Kafka, Avro, Jackson or Javalin. */
  static final ArchRule COMMERCE_IS_PURE =
      classes()
          .that()
          .resideInAPackage("io.cairn.commerce..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.cairn.commerce..", "io.cairn.core..", "java..")
          .as("commerce depends on core and the JDK only");

  @Test
  void shouldSeeTheMainClassesOfEveryModuleButTheBench() {
    assertThat(
            List.of(
                "io.cairn.core.aggregate",
                "io.cairn.commerce.carts",
                "io.cairn.avro.contract",
                "io.cairn.kafka.topics",
                "io.cairn.engine.views.topology",
                "io.cairn.web",
                "io.cairn.gateway",
                "io.cairn.provider",
                "io.cairn.queries.routing",
                "io.cairn.dashboard",
                "io.cairn.app"))
        .allMatch(CAIRN::containPackage);
    assertThat(CAIRN.contain("io.cairn.commerce.architecture.KafkaMindedView"))
        .as("test fixtures are not main code")
        .isFalse();
  }

  @Test
  void shouldKeepCoreAndTheDomainPure() {
    CORE_IS_PURE.check(CAIRN);
    COMMERCE_IS_PURE.check(CAIRN);
    slices()
        .matching("io.cairn.commerce.(*)..")
        .should()
        .beFreeOfCycles()
        .as("commerce's features depend on each other one way")
        .check(CAIRN);
  }

  @Test
  void shouldKeepTheHttpEdgesApartAndOffTheEngineInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.cairn.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.cairn.engine..", "io.cairn.queries..", "io.cairn.app..")
        .as("the command gateway imports neither the engine nor the query server")
        .check(CAIRN);
    noClasses()
        .that()
        .resideInAPackage("io.cairn.provider..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.engine..",
            "io.cairn.kafka..",
            "io.cairn.gateway..",
            "io.cairn.queries..",
            "io.cairn.app..")
        .as("the payment provider's client knows the domain's calls, not Kafka or the engine")
        .check(CAIRN);
    noClasses()
        .that()
        .resideInAPackage("io.cairn.queries..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.gateway..",
            "io.cairn.app..",
            "io.cairn.engine.commands..",
            "io.cairn.engine.mapping..",
            "io.cairn.engine.views.topology..")
        .as("the query server imports neither the gateway nor the engine's internals")
        .check(CAIRN);
    noClasses()
        .that()
        .resideInAPackage("io.cairn.dashboard..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("io.cairn..")
                .and(JavaClass.Predicates.resideOutsideOfPackage("io.cairn.dashboard..")))
        .as("the dashboard speaks only the public HTTP API, so it imports nothing else of Cairn")
        .check(CAIRN);
    slices()
        .matching("io.cairn.queries.(*)..")
        .should()
        .beFreeOfCycles()
        .as("the query server's features depend on each other one way")
        .check(CAIRN);
  }

  @Test
  void shouldKeepTheEngineAndThePlumbingFreeOfHttpAndOfTheDomain() {
    noClasses()
        .that()
        .resideInAnyPackage("io.cairn.engine..", "io.cairn.analytics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "io.cairn.web..",
            "io.cairn.gateway..",
            "io.cairn.queries..",
            "io.cairn.app..",
            "io.cairn.commerce..")
        .as("the engine and the reports' topologies know no HTTP and no domain")
        .check(CAIRN);
    noClasses()
        .that()
        .resideInAPackage("io.cairn.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cairn.analytics..")
        .as("the reports build on the engine, not the other way round")
        .check(CAIRN);
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.cairn.avro..",
            "io.cairn.kafka.client..",
            "io.cairn.kafka.topics..",
            "io.cairn.kafka.stores..",
            "io.cairn.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cairn.engine..",
            "io.cairn.gateway..",
            "io.cairn.queries..",
            "io.cairn.app..",
            "io.cairn.commerce..")
        .as("the contract, the Kafka plumbing and the HTTP conventions sit below the engine")
        .check(CAIRN);
  }

  @Test
  void shouldLetOnlyTheAppWireTheModules() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.cairn.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cairn.app..")
        .as("nothing depends on the app")
        .check(CAIRN);
    noClasses()
        .that()
        .resideOutsideOfPackage("io.cairn.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cairn.engine.views.topology..")
        .as("only the engine builds its topologies' insides")
        .check(CAIRN);
  }
}
