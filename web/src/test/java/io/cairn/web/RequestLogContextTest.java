package io.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The ids in the log lines a request causes, on its own thread and on the one that answers it. */
class RequestLogContextTest {
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(RequestLogContextTest.class);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "answerer"));
  private static Javalin server;

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeAll
  static void start() {
    server =
        HttpServer.configured(
                1024,
                Json.newMapper(),
                config -> {
                  config.routes.get("/served", ctx -> log.info("served"));
                  config.routes.get("/later", RequestLogContextTest::answerLater);
                  config.routes.get(
                      "/bug",
                      ctx -> {
                        throw new IllegalStateException("bug");
                      });
                })
            .start("127.0.0.1", 0);
  }

  private static void answerLater(io.javalin.http.Context ctx) {
    MDC.put(RequestLogContext.COMMAND_ID, "command-1");
    RequestLogContext.remember(ctx);
    CompletableFuture<String> answer = new CompletableFuture<>();
    later.schedule(() -> answer.complete("done"), 50, TimeUnit.MILLISECONDS);
    ctx.future(
        () ->
            answer.handle(
                RequestLogContext.carried(
                    ctx,
                    (value, failure) -> {
                      log.info("answered on {}", Thread.currentThread().getName());
                      return ctx.result(value);
                    })));
  }

  @AfterAll
  static void stop() {
    server.stop();
    later.shutdownNow();
  }

  @BeforeEach
  void listen() {
    lines.start();
    root().addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    root().detachAppender(lines);
  }

  @Test
  void shouldPutTheClientsCorrelationIdInTheLinesOfItsRequest() throws Exception {
    get("/served", "order-42");

    assertThat(line("served").getMDCPropertyMap())
        .containsEntry(RequestLogContext.CORRELATION_ID, "order-42");
  }

  @Test
  void shouldMakeACorrelationIdWhenTheClientGivesNoneOrOneUnfitForALogLine() throws Exception {
    get("/served", null);
    get("/served", "two words");

    assertThat(lines.list)
        .extracting(line -> line.getMDCPropertyMap().get(RequestLogContext.CORRELATION_ID))
        .hasSize(2)
        .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"))
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldCarryTheIdsToTheThreadThatAnswers() throws Exception {
    get("/later", "order-43");

    ILoggingEvent answered = line("answered on answerer");
    assertThat(answered.getThreadName()).isEqualTo("answerer");
    assertThat(answered.getMDCPropertyMap())
        .containsEntry(RequestLogContext.CORRELATION_ID, "order-43")
        .containsEntry(RequestLogContext.COMMAND_ID, "command-1");
  }

  @Test
  void shouldLogAnUnexpectedFailureWithTheRequestsIds() throws Exception {
    assertThat(get("/bug", "order-44").statusCode()).isEqualTo(500);

    await().until(() -> lines.list.stream().anyMatch(line -> line.getThrowableProxy() != null));
    ILoggingEvent failure =
        lines.list.stream().filter(line -> line.getThrowableProxy() != null).findFirst().get();
    assertThat(failure.getMDCPropertyMap())
        .containsEntry(RequestLogContext.CORRELATION_ID, "order-44");
  }

  private ILoggingEvent line(String message) {
    await().until(() -> messages().contains(message));
    return lines.list.stream()
        .filter(line -> line.getFormattedMessage().equals(message))
        .findFirst()
        .orElseThrow();
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static HttpResponse<String> get(String path, String correlationId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (correlationId != null) {
      request.header("Correlation-Id", correlationId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
