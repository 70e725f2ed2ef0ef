package io.cairn.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.web.ApiException;
import io.cairn.web.HttpExchanges;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment provider for development and tests, run in-process by {@code bin/cairn run} unless a
 * real one is named. It speaks the protocol {@link HttpPaymentProvider} calls, checks idempotency
 * keys as a real provider does, and behaves as its payment tokens say ({@link SimulatedLedger}).
 * {@code GET /v1/payments/{id}} shows what a payment went through, so a test can count charges.
 */
public final class SimulatedPaymentProvider implements AutoCloseable {
  /** How long a call with a {@code tok_timeout} token is held before the provider gives up. */
  private static final Duration HOLD = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

  private static final int MAX_REQUEST_BYTES = 16 * 1024;

  private final HttpServer server;

  private SimulatedPaymentProvider(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the provider.
   *
   * @param host the address to bind
   * @param port the port; 0 picks a free one
   * @param limitMinor the largest amount it authorises, in minor units
   */
  public static SimulatedPaymentProvider start(String host, int port, long limitMinor) {
    return start(host, port, limitMinor, HOLD);
  }

  /**
   * Starts the provider, holding a {@code tok_timeout} call this long.
   *
   * @param host the address to bind
   * @param port the port; 0 picks a free one
   * @param limitMinor the largest amount it authorises, in minor units
   * @param hold how long it holds a call it never answers in time
   */
  public static SimulatedPaymentProvider start(
      String host, int port, long limitMinor, Duration hold) {
    SimulatedLedger ledger = new SimulatedLedger(limitMinor);
    ObjectMapper mapper = Json.newMapper();
    HttpServer server =
        HttpServer.start(
            new HttpServer.Settings(host, port, MAX_REQUEST_BYTES),
            mapper,
            config -> {
              config.routes.post(
                  "/v1/payments/{paymentId}/{operation}", ctx -> call(ctx, ledger, mapper, hold));
              config.routes.get(
                  "/v1/payments/{paymentId}",
                  ctx ->
                      ctx.json(
                          ledger
                              .account(ctx.pathParam("paymentId"))
                              .orElseThrow(
                                  () ->
                                      new ApiException(
                                          404,
                                          "not_found",
                                          "The provider knows no such payment."))));
            });
    return new SimulatedPaymentProvider(server);
  }

  private static void call(Context ctx, SimulatedLedger ledger, ObjectMapper mapper, Duration hold)
      throws IOException {
    String key = ctx.header(HttpPaymentProvider.IDEMPOTENCY_KEY);
    if (key == null || key.isBlank()) {
      throw new ApiException(400, "idempotency_key_missing", "Every call names its key.");
    }
    JsonNode body = ctx.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(ctx.body());
    SimulatedLedger.Answer answer =
        ledger.handle(
            new SimulatedLedger.Call(
                ctx.pathParam("paymentId"),
                ctx.pathParam("operation"),
                key,
                body.path("amountMinor").asLong(0),
                body.path("currency").asText(null),
                body.path("paymentToken").asText(null)));
    if (answer.status() == 0) {
      // Never answers within any sane client timeout; the connection is let go eventually. A
      // client that gave up first, or a server stopped meanwhile, has ended the exchange: it is
      // left alone then, never answered.
      CompletableFuture<Void> held = new CompletableFuture<>();
      String path = ctx.path();
      CompletableFuture.delayedExecutor(hold.toMillis(), TimeUnit.MILLISECONDS)
          .execute(
              () -> {
                if (HttpExchanges.isOpen(ctx)) {
                  ctx.status(504);
                  held.complete(null);
                } else {
                  log.debug("The held call {} had already ended", path);
                }
              });
      ctx.future(() -> held);
      return;
    }
    ctx.status(answer.status());
    if (answer.outcome() != null) {
      ctx.json(
          Map.of(
              "outcome",
              answer.outcome(),
              answer.outcome().equals("approved") ? "reference" : "reason",
              answer.detail()));
    } else {
      ctx.json(Map.of("error", answer.detail()));
    }
  }

  /** The provider's base address, with the port bound. */
  public URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
  }
}
