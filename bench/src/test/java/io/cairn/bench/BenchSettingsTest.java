package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {
  @Test
  void shouldReadAListOfRatesInTheOrderGiven() {
    BenchSettings settings = BenchSettings.parse(List.of("--rate=2000, 4_000,1000"));

    assertThat(settings.rates()).containsExactly(2000, 4000, 1000);
    assertThat(settings.rate()).isEqualTo(2000);
  }

  @Test
  void shouldMeasureOneThousandPerSecondByDefault() {
    assertThat(BenchSettings.parse(List.of()).rates()).containsExactly(1000);
  }

  @Test
  void shouldMeasureEachRungOfARateSearchForTheStepGiven() {
    assertThat(BenchSettings.parse(List.of()).step()).hasSeconds(10);
    assertThat(BenchSettings.parse(List.of("--step=20")).step()).hasSeconds(20);
  }

  @Test
  void shouldRejectARateListWithAnEmptyOrNonPositiveEntry() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--rate=2000,")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rate takes a positive whole number, not ");
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--rate=2000,0")))
        .hasMessage("--rate takes a positive whole number, not 0");
  }
}
