package io.cairn.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.analytics.ReportSettings;
import io.cairn.analytics.ReportTopics;
import io.cairn.analytics.ReportTopology;
import io.cairn.analytics.changes.ReportFeeds;
import io.cairn.avro.carts.AddItem;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.inventory.ReceiveStock;
import io.cairn.avro.orders.ConfirmOrder;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.avro.products.ChangePrice;
import io.cairn.avro.products.DefineProduct;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.orders.ShippingDeadline;
import io.cairn.engine.peers.Peers;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.engine.views.RebuildStatus;
import io.cairn.engine.views.ViewStatus;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.queries.operations.ViewsOperations;
import io.cairn.queries.reports.ReportCatalog;
import io.cairn.queries.reports.ReportReads;
import io.cairn.queries.reports.ReportStreams;
import io.cairn.queries.reports.StreamSettings;
import io.cairn.web.ApiException;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import io.cairn.web.SealedAnswers;
import io.cairn.web.auth.ClusterSecret;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query routes over HTTP, handler by handler, on the views the app's own topology folds under
 * TopologyTestDriver: every route the table declares, the 404s of what it does not, parameters,
 * as-of queries and waiting for a command's effect. No broker; one instance holds every partition.
 */
class QueryRoutesTest {
  private static final int HISTORY_MAX_EVENTS = 20;
  private static final ClusterSecret CLUSTER =
      ClusterSecret.of(
          "the query routes' cluster secret, 32+ bytes".getBytes(StandardCharsets.UTF_8),
          Clock.systemUTC());

  private static final Duration SHIP_WITHIN = Duration.ofDays(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);

  @TempDir Path stateDir;
  private TopologyDriver driver;
  private final AtomicReference<ApiException> refusal = new AtomicReference<>();
  private final NotedOperations operations = new NotedOperations();

  @BeforeEach
  void start() {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(),
            Commerce.projections(),
            topics ->
                List.of(
                    new ReportTopology(
                        Commerce.reports(),
                        new ReportSettings(Duration.ofMinutes(10), Duration.ofDays(30)),
                        new ReportTopics(topics, Duration.ofDays(30)))),
            new Reactions.Declared(
                Commerce.policies(),
                Commerce.processManagers(SHIP_WITHIN, Duration.ofSeconds(30)),
                Commerce.inboxes(),
                Commerce.publications(),
                List.of(Commerce.paymentProvider())),
            stateDir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldShowAViewsEntityAsClientsReadIt() {
    defineTea("p1");
    driver.send("inventory", "p1", new ReceiveStock(10));

    serve(
        client -> {
          Response answer = client.get("/api/v1/products/p1");
          JsonNode product = json(answer);
          assertThat(answer.code()).isEqualTo(200);
          assertThat(answer.headers().get("Cairn-Served-By")).containsExactly("127.0.0.1:8080");
          assertThat(product.get("name").asText()).isEqualTo("Tea");
          assertThat(product.at("/rating/average").asDouble()).isZero();
          assertThat(product.at("/stock/available").asInt()).isEqualTo(10);
        });
  }

  @Test
  void shouldShowACartWithItsProductsAsTheyAreNow() {
    defineTea("p1");
    driver.send("carts", "k1", new AddItem("p1", 2));
    driver.send("products", "p1", new ChangePrice(500L));

    serve(
        client -> {
          JsonNode cart = json(client.get("/api/v1/carts/k1"));
          assertThat(cart.at("/lines/0/name").asText()).isEqualTo("Tea");
          assertThat(cart.at("/lines/0/lineTotalMinor").asLong()).isEqualTo(1000);
          assertThat(cart.get("totalMinor").asLong()).isEqualTo(1000);
        });
  }

  @Test
  void shouldListAViewFilteredAndPagedInIdOrder() {
    for (String id : List.of("p3", "p1", "p2")) {
      defineTea(id);
    }
    driver.send("products", "p4", new DefineProduct("Mug", "kitchen", 900L, "EUR"));

    serve(
        client -> {
          JsonNode first = json(client.get("/api/v1/products?category=drinks&limit=2"));
          assertThat(first.get("items").findValuesAsText("id")).containsExactly("p1", "p2");
          JsonNode next =
              json(
                  client.get(
                      "/api/v1/products?category=drinks&limit=2&cursor="
                          + first.get("nextCursor").asText()));
          assertThat(next.get("items").findValuesAsText("id")).containsExactly("p3");
          assertThat(next.get("nextCursor").isNull()).isTrue();
        });
  }

  @Test
  void shouldListACustomersOrdersNewestFirstUnderTheCustomer() {
    driver.send("customers", "c1", new RegisterCustomer("Ada", "ada@example.org"));
    driver.send("orders", "o1", order("c1"));
    driver.advance(Duration.ofMinutes(1));
    driver.send("orders", "o2", order("c1"));

    serve(
        client -> {
          JsonNode orders = json(client.get("/api/v1/customers/c1/orders"));
          assertThat(orders.get("items").findValuesAsText("orderId")).containsExactly("o2", "o1");
          Response unknown = client.get("/api/v1/customers/nobody/orders");
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(json(unknown).get("error").asText()).isEqualTo("not_found");
        });
  }

  @Test
  void shouldShowAnAggregatesStateAndEvents() {
    defineTea("p1");
    driver.send("products", "p1", new ChangePrice(500L));
    driver.send("inventory", "p1", new ReceiveStock(3));

    serve(
        client -> {
          JsonNode state = json(client.get("/api/v1/products/p1/state"));
          assertThat(state.get("version").asLong()).isEqualTo(2);
          assertThat(state.at("/state/priceMinor").asLong()).isEqualTo(500);
          JsonNode stock = json(client.get("/api/v1/inventory/p1"));
          assertThat(stock.at("/state/onHand").asInt()).isEqualTo(3);
          JsonNode page = json(client.get("/api/v1/products/p1/events?limit=1"));
          assertThat(page.get("items").findValuesAsText("type")).containsExactly("ProductDefined");
          JsonNode rest =
              json(
                  client.get(
                      "/api/v1/products/p1/events?cursor=" + page.get("nextCursor").asText()));
          assertThat(rest.get("items").findValuesAsText("type")).containsExactly("PriceChanged");
        });
  }

  @Test
  void shouldAnswerAsOfAnInstant() {
    Instant before = driver.now().minusMillis(1);
    defineTea("p1");
    Instant defined = driver.now();
    driver.advance(Duration.ofMinutes(1));
    driver.send("products", "p1", new ChangePrice(500L));

    serve(
        client -> {
          assertThat(
                  json(client.get("/api/v1/products/p1?asOf=" + defined))
                      .get("priceMinor")
                      .asLong())
              .isEqualTo(450);
          assertThat(
                  json(client.get("/api/v1/products/p1/state?asOf=" + defined))
                      .at("/state/priceMinor")
                      .asLong())
              .isEqualTo(450);
          Response earlier = client.get("/api/v1/products/p1?asOf=" + before);
          assertThat(earlier.code()).isEqualTo(404);
          assertThat(json(earlier).at("/details/asOf").asText()).isEqualTo(before.toString());
          assertThat(problem(client.get("/api/v1/products/p1?asOf=yesterday"))).isEqualTo("asOf");
        });
  }

  @Test
  void shouldRefuseToFoldAHistoryLongerThanTheLimitAsOfAnInstant() {
    defineTea("p1");
    for (int i = 0; i <= HISTORY_MAX_EVENTS; i++) {
      driver.send("inventory", "p1", new ReceiveStock(1));
    }
    Instant now = driver.clock().instant();

    serve(
        client -> {
          Response tooLong = client.get("/api/v1/inventory/p1/state?asOf=" + now);
          assertThat(tooLong.code()).isEqualTo(422);
          assertThat(json(tooLong).get("error").asText()).isEqualTo("history_too_long");
          assertThat(client.get("/api/v1/products/p1/state?asOf=" + now).code()).isEqualTo(200);
        });
  }

  @Test
  void shouldWaitForACommandsEffectOrSaySoInTime() {
    defineTea("p1");
    String folded = token("products", "p1", 1);
    String ahead = token("products", "p1", 2);

    serve(
        client -> {
          assertThat(client.get("/api/v1/products/p1?consistencyToken=" + folded).code())
              .isEqualTo(200);
          Response late = client.get("/api/v1/products/p1?waitMs=50&consistencyToken=" + ahead);
          assertThat(late.code()).isEqualTo(504);
          assertThat(json(late).get("error").asText()).isEqualTo("view_not_caught_up");
          assertThat(client.get("/api/v1/carts/k9?consistencyToken=" + ahead).code())
              .as("a view the command cannot have touched answers at once")
              .isEqualTo(404);
        });
  }

  @Test
  void shouldListAReportsWindowsInRangeAndItsCatalogue() {
    driver.send(
        "orders", "o-1", new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("tea", 2, 450L))));
    driver.advance(Duration.ofHours(1));
    driver.send(
        "orders", "o-2", new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("tea", 1, 450L))));

    serve(
        client -> {
          JsonNode catalogue = json(client.get("/api/v1/reports"));
          assertThat(catalogue.get("items").findValuesAsText("name"))
              .contains("sales-by-product", "order-funnel", "points-flow");
          JsonNode page = json(client.get("/api/v1/reports/sales-by-product?key=tea"));
          assertThat(page.get("items")).hasSize(2);
          JsonNode first = page.at("/items/0");
          assertThat(first.get("windowStart").asText()).isEqualTo("2026-11-23T10:00:00Z");
          assertThat(first.get("windowEnd").asText()).isEqualTo("2026-11-23T11:00:00Z");
          assertThat(first.get("unitsSold").asLong()).isEqualTo(2);
          assertThat(first.get("revenueMinor").asLong()).isEqualTo(900);
          JsonNode later =
              json(
                  client.get("/api/v1/reports/sales-by-product?from=2026-11-23T11:00:00Z&limit=1"));
          assertThat(later.get("items")).hasSize(1);
          assertThat(later.at("/items/0/unitsSold").asLong()).isEqualTo(1);
          JsonNode onePage = json(client.get("/api/v1/reports/sales-by-product?limit=1"));
          assertThat(onePage.get("items")).hasSize(1);
          assertThat(onePage.get("nextCursor").isNull()).isFalse();
          assertThat(error(client.get("/api/v1/reports/nothing"))).isEqualTo("unknown_report");
          assertThat(problem(client.get("/api/v1/reports/order-funnel?from=yesterday")))
              .isEqualTo("from");
        });
  }

  @Test
  void shouldRankARankedReportsKeysInEachWindowPageByPage() {
    driver.send(
        "orders",
        "o-1",
        new PlaceOrder(
            "c1",
            "EUR",
            List.of(new PlaceOrderLine("cake", 1, 300L), new PlaceOrderLine("tea", 2, 450L))));
    String window =
        "/api/v1/reports/top-products?from=2026-11-23T10:00:00Z&to=2026-11-23T10:05:00Z";

    serve(
        client -> {
          JsonNode catalogue = json(client.get("/api/v1/reports"));
          assertThat(catalogue.get("items").findValues("top"))
              .extracting(JsonNode::asInt)
              .containsExactly(10);
          JsonNode page = json(client.get(window));
          assertThat(page.get("items").findValuesAsText("key")).containsExactly("tea", "cake");
          assertThat(page.at("/items/0/rank").asInt()).isEqualTo(1);
          assertThat(page.at("/items/0/revenueMinor").asLong()).isEqualTo(900);
          JsonNode first = json(client.get(window + "&limit=1"));
          assertThat(first.get("items").findValuesAsText("key")).containsExactly("tea");
          JsonNode second =
              json(client.get(window + "&limit=1&cursor=" + first.get("nextCursor").asText()));
          assertThat(second.get("items").findValuesAsText("key")).containsExactly("cake");
          assertThat(second.at("/items/0/rank").asInt()).isEqualTo(2);
          JsonNode cake = json(client.get(window + "&key=cake"));
          assertThat(cake.get("items").findValuesAsText("key")).containsExactly("cake");
        });
  }

  @Test
  void shouldRefuseWhatNoDeclarationNames() {
    serve(
        client -> {
          assertThat(error(client.get("/api/v1/nothing"))).isEqualTo("unknown_view");
          assertThat(json(client.get("/api/v1/nothing/x")).at("/details/known").toString())
              .isEqualTo(
                  "[\"carts\",\"customer-orders\",\"customer-subscriptions\",\"customers\",\"orders\",\"payments\",\"products\",\"subscriptions\"]");
          assertThat(error(client.get("/api/v1/nothing/x/events")))
              .isEqualTo("unknown_aggregate_type");
          assertThat(json(client.get("/api/v1/products/x/reviews")).get("message").asText())
              .contains("products/{id}/reviews");
          assertThat(error(client.get("/api/v1/inventory"))).isEqualTo("unknown_view");
          assertThat(error(client.get("/api/v1/products/nope"))).isEqualTo("not_found");
        });
  }

  @Test
  void shouldRefuseUnknownAndMalformedParametersInOneAnswer() {
    serve(
        client -> {
          Response answer = client.get("/api/v1/products?limit=0&colour=red&consistency=sometimes");
          assertThat(answer.code()).isEqualTo(400);
          assertThat(json(answer).at("/details/fields").findValuesAsText("field"))
              .containsExactlyInAnyOrder("limit", "colour", "consistency");
        });
  }

  @Test
  void shouldAnswerNotReadyWhileThereAreNoViewsToRead() {
    refusal.set(ApiException.unavailable("views_rebuilding", "Rebuilding.", Duration.ofSeconds(5)));

    serve(
        client -> {
          Response answer = client.get("/api/v1/products/p1");
          assertThat(answer.code()).isEqualTo(503);
          assertThat(json(answer).get("error").asText()).isEqualTo("views_rebuilding");
          assertThat(answer.headers().get("Retry-After")).containsExactly("5");
        });
  }

  @Test
  void shouldServeTheViewsRebuildAndTheCallsOfAnotherInstancesRebuild() {
    serve(
        client -> {
          assertThat(json(client.get("/api/v1/views/rebuild")).get("state").asText())
              .isEqualTo("idle");
          Response again = client.post("/api/v1/views/rebuild");
          assertThat(again.code()).isEqualTo(409);
          assertThat(json(again).get("error").asText()).isEqualTo("rebuild_in_progress");
          assertThat(client.post("/api/v1/views/rebuild/pause").code()).isEqualTo(200);
          assertThat(client.post("/api/v1/views/rebuild/resume?serve=false").code()).isEqualTo(200);
          assertThat(error(client.get("/api/v1/views/status"))).isEqualTo("views_rebuilding");
        });

    assertThat(operations.calls).containsExactly("rebuild", "pause", "resume serve=false");
  }

  @Test
  void aProcessIsShownWithItsStatusStateDeadlinesAndSteps() {
    driver.send("orders", "o-watch", order("c1"));
    driver.send("orders", "o-watch", new ConfirmOrder());
    serve(
        client -> {
          JsonNode process = json(client.get("/api/v1/processes/shipping-deadline/o-watch"));
          assertThat(process.get("status").asText()).isEqualTo("RUNNING");
          assertThat(process.get("state").get("orderId").asText()).isEqualTo("o-watch");
          assertThat(process.at("/state/shipBy").asText()).endsWith("Z");
          assertThat(process.get("startedAt").asText()).endsWith("Z");
          assertThat(process.get("deadlines").get(0).get("name").asText()).isEqualTo("ship-by");
          assertThat(process.get("steps").get(0).get("heard").asText())
              .isEqualTo("message:Confirmed");

          JsonNode running =
              json(client.get("/api/v1/processes/shipping-deadline?status=RUNNING&olderThan=PT0S"));
          assertThat(running.get("items").findValuesAsText("id")).containsExactly("o-watch");
          JsonNode stuck =
              json(client.get("/api/v1/processes/shipping-deadline?status=RUNNING&olderThan=PT1H"));
          assertThat(stuck.get("items")).isEmpty();
        });
  }

  @Test
  void unknownProcessesAndManagersAreNotFoundAndBadFiltersRefused() {
    serve(
        client -> {
          assertThat(error(client.get("/api/v1/processes/shipping-deadline/nobody")))
              .isEqualTo("process_not_found");
          assertThat(error(client.get("/api/v1/processes/checkout/o1")))
              .isEqualTo("unknown_process_manager");
          assertThat(error(client.get("/api/v1/processes/checkout")))
              .isEqualTo("unknown_process_manager");
          assertThat(error(client.get("/api/v1/processes/shipping-deadline?status=STUCK")))
              .isEqualTo("validation_failed");
          assertThat(error(client.get("/api/v1/processes/shipping-deadline?olderThan=5m")))
              .isEqualTo("validation_failed");
        });
  }

  private void serve(HttpTest test) {
    DriverViews views = new DriverViews(driver, SELF);
    CurrentViews current =
        () -> {
          ApiException refused = refusal.get();
          if (refused != null) {
            throw refused;
          }
          return views;
        };
    try (QueryServer queries =
        new QueryServer(
            current,
            operations,
            Commerce.projections(),
            Commerce.aggregateTypes(),
            views,
            List.of(ShippingDeadline.manager(SHIP_WITHIN)),
            new ReportReads(
                new ReportCatalog(Commerce.reports(), Map::of),
                // No stream is opened here: the feeds would read a broker these tests do not run.
                new ReportStreams(
                    new ReportFeeds(
                        new KafkaConnection("127.0.0.1:9", Map.of()),
                        "topology-test",
                        10,
                        Duration.ofSeconds(1)),
                    new StreamSettings(1, Duration.ofSeconds(15)))),
            new QuerySettings(
                1,
                Duration.ofDays(7),
                driver.clock(),
                SELF,
                CLUSTER,
                Peers.plain(CLUSTER::sign),
                HISTORY_MAX_EVENTS,
                SealedAnswers.NONE))) {
      JavalinTest.test(
          HttpServer.configured(65_536, Json.newMapper(), config -> queries.install(config.routes)),
          (server, client) -> test.run(client));
    }
  }

  private void defineTea(String id) {
    driver.send("products", id, new DefineProduct("Tea", "drinks", 450L, "EUR"));
  }

  private static PlaceOrder order(String customer) {
    return new PlaceOrder(customer, "EUR", List.of(new PlaceOrderLine("p1", 1, 450L)));
  }

  private static String token(String type, String id, long version) {
    String place = String.join("|", "v1", type, "0", id, Long.toString(version));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(CLUSTER.seal(place).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body().string(), e);
    }
  }

  private static String error(Response response) {
    return json(response).get("error").asText();
  }

  private static String problem(Response response) {
    assertThat(response.code()).isEqualTo(400);
    return json(response).at("/details/fields/0/field").asText();
  }

  /** A test of the routes, given a client of the server they are installed on. */
  @FunctionalInterface
  private interface HttpTest {
    void run(HttpClient client) throws Exception;
  }

  /** The views' operations as the routes call them, noted for the tests to check. */
  private static final class NotedOperations implements ViewsOperations {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public ViewStatus status() {
      throw ApiException.unavailable("views_rebuilding", "Rebuilding.", Duration.ofSeconds(5));
    }

    @Override
    public RebuildStatus rebuild() {
      calls.add("rebuild");
      throw new ApiException(
          409, "rebuild_in_progress", "The views are being rebuilt already.", Map.of());
    }

    @Override
    public RebuildStatus rebuildStatus() {
      return new RebuildStatus("idle", null, null, null, 0, 0, 0, 0, 0, null, null);
    }

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume(boolean serve) {
      calls.add("resume serve=" + serve);
    }
  }
}
