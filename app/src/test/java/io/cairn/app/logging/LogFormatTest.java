package io.cairn.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The console appender of logback.xml, switched to JSON lines by log.format=json. */
class LogFormatTest {
  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();

  @Test
  void shouldWriteOneJsonObjectPerLineWithTheMdcOnceJsonIsApplied() throws Exception {
    consoleAppender();
    Logger log = context.getLogger("io.cairn.gateway.CommandGateway");

    LogFormat.parse("JSON").apply(context);
    try (var commandId = MDC.putCloseable("command_id", "c-1")) {
      log.warn("Command {} waited", "c-1", new IllegalStateException("slow"));
    }

    String[] lines = written.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("loggerName").asText()).isEqualTo("io.cairn.gateway.CommandGateway");
    assertThat(line.get("threadName").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(line.get("formattedMessage").asText()).isEqualTo("Command c-1 waited");
    assertThat(line.get("mdc").get("command_id").asText()).isEqualTo("c-1");
    assertThat(line.get("throwable").toString()).contains("slow");
    assertThat(line.has("timestamp")).isTrue();
  }

  @Test
  void shouldLeaveTheTextPatternAsItIs() {
    consoleAppender();

    LogFormat.parse("text").apply(context);
    context.getLogger("io.cairn.app.CairnApp").info("Started");

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("INFO Started\n");
  }

  @Test
  void shouldRefuseAnotherFormat() {
    assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("must be text or json");
  }

  private void consoleAppender() {
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%level %msg%n");
    text.start();
    OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
    console.setName("CONSOLE");
    console.setContext(context);
    console.setEncoder(text);
    console.setOutputStream(written);
    console.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
  }
}
