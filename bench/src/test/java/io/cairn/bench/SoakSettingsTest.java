package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoakSettingsTest {
  private static final Path HOME = Path.of("/opt/cairn");

  @Test
  void defaultsToHalfAnHourWithAFaultEveryFiveMinutesAtAProbedRate() {
    SoakSettings settings = SoakSettings.parse(HOME, List.of());

    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.faultEvery()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.rate()).isEmpty();
    assertThat(settings.dir()).isEqualTo(HOME.resolve("data/soak"));
  }

  @Test
  void readsDurationsInSecondsMinutesOrHours() {
    SoakSettings settings =
        SoakSettings.parse(HOME, List.of("--duration=2h", "--fault-every=90s", "--rate=40"));

    assertThat(settings.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.faultEvery()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.rate()).isEqualTo(Optional.of(40));
    assertThat(SoakSettings.duration("duration", "45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void refusesWhatItCannotMeasure() {
    assertThatThrownBy(() -> SoakSettings.parse(HOME, List.of("--fault-every=30s")))
        .hasMessageContaining("1m at least");
    assertThatThrownBy(() -> SoakSettings.parse(HOME, List.of("--duration=soon")))
        .hasMessageContaining("--duration takes a positive whole number");
    assertThatThrownBy(() -> SoakSettings.parse(HOME, List.of("--url=http://x")))
        .hasMessageContaining("unknown arguments [url]");
  }
}
