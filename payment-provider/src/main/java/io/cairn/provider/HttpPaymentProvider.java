package io.cairn.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.commerce.payments.ProviderCalls;
import io.cairn.core.reaction.Effect;
import io.cairn.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The payments' calls to the provider over HTTP: {@code POST
 * <base>/v1/payments/<paymentId>/<operation>} with the call's {@code Idempotency-Key} and a JSON
 * body. 200 is approved (with the provider's {@code reference}), 402 refused (with its {@code
 * reason}); anything else, a timeout included, is a failure the engine retries with the same key.
 */
public final class HttpPaymentProvider
    implements Effect.Performer<ProviderCalls.Request, ProviderCalls.Answer> {
  /** The header every call names its idempotency key in. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final URI base;
  private final Duration timeout;
  private final HttpClient client;
  private final ObjectMapper json = Json.newMapper();

  /**
   * @param base the provider's base address
   * @param timeout how long one call may take before it counts as failed
   */
  public HttpPaymentProvider(URI base, Duration timeout) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A call the provider did not answer with a decision. */
  static final class ProviderUnavailable extends IOException {
    ProviderUnavailable(String message) {
      super(message);
    }
  }

  @Override
  public ProviderCalls.Answer perform(Effect.Call<ProviderCalls.Request> call)
      throws IOException, InterruptedException {
    ProviderCalls.Request request = call.request();
    URI uri =
        base.resolve(
            "v1/payments/"
                + URLEncoder.encode(request.paymentId(), StandardCharsets.UTF_8)
                + "/"
                + ProviderCalls.operation(request));
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header(IDEMPOTENCY_KEY, call.key())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(request))))
            .build();
    HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
    return switch (response.statusCode()) {
      case 200 -> new ProviderCalls.Approved(field(response, "reference"));
      case 402 -> new ProviderCalls.Refused(field(response, "reason"));
      default ->
          throw new ProviderUnavailable(
              call.key() + ": HTTP " + response.statusCode() + " " + shortened(response.body()));
    };
  }

  private ObjectNode body(ProviderCalls.Request request) {
    ObjectNode body = json.createObjectNode();
    switch (request) {
      case ProviderCalls.Authorize authorize -> {
        body.put("amountMinor", authorize.amountMinor());
        body.put("currency", authorize.currency());
        body.put("paymentToken", authorize.paymentToken());
      }
      case ProviderCalls.Capture capture -> {
        body.put("amountMinor", capture.amountMinor());
        body.put("currency", capture.currency());
      }
      case ProviderCalls.Refund refund -> {
        body.put("amountMinor", refund.amountMinor());
        body.put("currency", refund.currency());
      }
      case ProviderCalls.VoidAuthorization voiding -> {}
    }
    return body;
  }

  private String field(HttpResponse<String> response, String name) throws IOException {
    JsonNode value = json.readTree(response.body()).get(name);
    if (value == null || !value.isTextual()) {
      throw new ProviderUnavailable(
          "HTTP " + response.statusCode() + " without a " + name + ": " + response.body());
    }
    return value.asText();
  }

  private static String shortened(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
