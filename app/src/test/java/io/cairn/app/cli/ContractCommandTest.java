package io.cairn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cairn contract: the documents written from the settings, with nothing started. */
class ContractCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void shouldWriteTheAsyncApiDocumentAsTheSettingsShapeIt() throws Exception {
    int status = run(List.of("--dir=" + dir, "--topics.partitions=3"), Map.of());

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote ", "asyncapi.json");
    JsonNode document = new ObjectMapper().readTree(dir.resolve("asyncapi.json").toFile());
    assertThat(document.at("/channels/cairn.orders.events/bindings/kafka/partitions").asInt())
        .isEqualTo(3);
    assertThat(document.at("/servers/kafka/host").asText()).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void shouldWriteTheOpenApiDocumentBesideIt() throws Exception {
    int status = run(List.of("--dir=" + dir), Map.of());

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("openapi.json");
    JsonNode document = new ObjectMapper().readTree(dir.resolve("openapi.json").toFile());
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.at("/paths").has("/api/v1/orders/{id}/commands")).isTrue();
  }

  @Test
  void shouldReadTheClustersAddressFromTheEnvironmentAsRunDoes() throws Exception {
    run(List.of("--dir=" + dir), Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker-1:9093"));

    JsonNode document = new ObjectMapper().readTree(dir.resolve("asyncapi.json").toFile());
    assertThat(document.at("/servers/kafka/host").asText()).isEqualTo("broker-1:9093");
  }

  @Test
  void shouldRefuseAMistypedSettingWithStatusTwo() {
    assertThat(run(List.of("--dir=" + dir, "--topics.partiton=3"), Map.of())).isEqualTo(Cli.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown key topics.partiton", "did you mean topics.partitions?");
    assertThat(dir.resolve("asyncapi.json")).doesNotExist();
  }

  private int run(List<String> args, Map<String, String> env) {
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Cli.executeAlone(new ContractCommand(env, printed, errors), args, printed, errors);
  }
}
