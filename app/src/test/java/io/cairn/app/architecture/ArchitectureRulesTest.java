package io.cairn.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.cairn.commerce.architecture.KafkaMindedView;
import org.junit.jupiter.api.Test;

/** The architecture rules fail on a class that breaks them: they are not rules that cannot fail. */
class ArchitectureRulesTest {

  @Test
  void shouldFailOnADomainClassThatReachesForKafka() {
    EvaluationResult result =
        ArchitectureTest.COMMERCE_IS_PURE.evaluate(
            new ClassFileImporter().importClasses(KafkaMindedView.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("commerce depends on core and the JDK only")
        .contains("org.apache.kafka.common.serialization.Serde");
  }
}
