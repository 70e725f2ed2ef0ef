package io.cairn.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.kafka.embedded.EmbeddedBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances on one broker, each its own process with its own port and state, sharing six
 * partitions: every key is answered alike by all, lists span them, read-your-writes holds across
 * them, and a SIGKILLed instance's keys are answered again within 30 seconds, losing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PARTITIONS = 6;
  private static final int PRODUCTS = 24;
  private static final int CUSTOMERS = 12;
  private static final int ORDERS = 12;

  @TempDir static Path dir;
  private EmbeddedBroker broker;
  private final List<Instance> instances = new ArrayList<>();
  private final Map<String, Long> points = new ConcurrentHashMap<>();

  @BeforeAll
  void start() {
    broker = EmbeddedBroker.start(BrokerSettings.onFreePorts(dir.resolve("kafka")));
    // The first creates the topics; the others then join it.
    instances.add(Instance.start("one", broker.bootstrapServers(), PARTITIONS, dir));
    instances.getFirst().awaitReady();
    instances.add(Instance.start("two", broker.bootstrapServers(), PARTITIONS, dir));
    instances.add(Instance.start("three", broker.bootstrapServers(), PARTITIONS, dir));
    instances.forEach(Instance::awaitReady);
    CommandClient client = client(0);
    for (int i = 0; i < PRODUCTS; i++) {
      String category = i % 2 == 0 ? "tea" : "mugs";
      send(
          client,
          "products",
          product(i),
          "DefineProduct",
          "{\"name\":\"P%d\",\"category\":\"%s\",\"priceMinor\":%d,\"currency\":\"EUR\"}"
              .formatted(i, category, 100 + i));
    }
    for (int i = 0; i < CUSTOMERS; i++) {
      send(
          client(i % 3),
          "customers",
          customer(i),
          "RegisterCustomer",
          "{\"name\":\"C%d\",\"email\":\"c%d@example.com\"}".formatted(i, i));
      points.put(customer(i), 0L);
    }
    for (int i = 0; i < ORDERS; i++) {
      send(
          client(i % 3),
          "orders",
          order(i),
          "PlaceOrder",
          ("{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\","
                  + "\"quantity\":1,\"unitPriceMinor\":100}]}")
              .formatted(customer(i), product(i)));
      send(client(i % 3), "orders", order(i), "ConfirmOrder", "{}");
    }
  }

  @AfterAll
  void stop() {
    instances.forEach(Instance::close);
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void shouldAnswerEveryKeyIdenticallyFromEveryInstance() {
    Set<String> owners = new HashSet<>();
    for (String path : keyPaths()) {
      List<HttpResponse<String>> answers =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> instances.stream().map(instance -> instance.get(path)).toList(),
                  all -> all.stream().allMatch(a -> a.statusCode() == 200) && sameBodies(all));
      Set<String> servedBy = new HashSet<>();
      answers.forEach(a -> servedBy.add(a.headers().firstValue("Cairn-Served-By").orElseThrow()));
      assertThat(servedBy).as(path).hasSize(1);
      owners.addAll(servedBy);
    }
    assertThat(owners).as("the keys are spread over the instances").hasSizeGreaterThan(1);
  }

  @Test
  @Order(2)
  void shouldGatherAListFromEveryInstanceInIdOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i += 2) {
      expected.add(product(i));
    }
    for (Instance instance : instances) {
      List<String> ids = allPages(instance, "/api/v1/products?category=tea&limit=5");
      assertThat(ids).as(instance.name()).isEqualTo(expected);
    }
  }

  @Test
  @Order(2)
  void shouldShowEveryProcessFromEveryInstanceWhereverItRuns() {
    Set<String> owners = new HashSet<>();
    for (int i = 0; i < ORDERS; i++) {
      String path = "/api/v1/processes/shipping-deadline/" + order(i);
      List<HttpResponse<String>> answers =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> instances.stream().map(instance -> instance.get(path)).toList(),
                  all -> all.stream().allMatch(a -> a.statusCode() == 200) && sameBodies(all));
      assertThat(json(answers.getFirst()).get("status").asText()).isEqualTo("RUNNING");
      answers.forEach(a -> owners.add(a.headers().firstValue("Cairn-Served-By").orElseThrow()));
    }
    assertThat(owners).as("the processes are spread over the instances").hasSizeGreaterThan(1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      expected.add(order(i));
    }
    Collections.sort(expected);
    for (Instance instance : instances) {
      List<String> ids =
          allPages(instance, "/api/v1/processes/shipping-deadline?status=RUNNING&limit=5");
      assertThat(ids).as(instance.name()).isEqualTo(expected);
    }
  }

  @Test
  @Order(3)
  void shouldRebuildTheViewsOfEveryInstanceFromAnyOne() {
    Map<String, String> before = new TreeMap<>();
    for (String path : keyPaths()) {
      before.put(path, json(instances.getFirst().get(path)).toString());
    }
    Instance coordinator = instances.get(1);

    HttpResponse<String> begun = coordinator.post("/api/v1/views/rebuild");
    assertThat(begun.statusCode()).as(begun.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> json(coordinator.get("/api/v1/views/rebuild")).path("state").asText(),
            state -> state.equals("done") || state.equals("failed"));

    assertThat(json(coordinator.get("/api/v1/views/rebuild")).path("state").asText())
        .isEqualTo("done");
    // Each instance answers every key as before, from its own partitions or by forwarding.
    for (String path : keyPaths()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                for (Instance instance : instances) {
                  HttpResponse<String> answer = instance.get(path);
                  assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
                  assertThat(json(answer).toString()).as(path).isEqualTo(before.get(path));
                }
              });
    }
  }

  @Test
  @Order(4)
  void shouldReadYourWritesOnAnotherInstanceThanTheCommands() throws Exception {
    int workers = 6;
    int pairs = 1_000;
    List<String> stale = new CopyOnWriteArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        done.add(
            pool.submit(
                () -> {
                  for (int n = worker; n < pairs; n += workers) {
                    // Each worker has customers of its own, so it knows what each must show.
                    String id = customer(worker + workers * ((n / workers) % 2));
                    int commandAt = n % 3;
                    JsonNode reply =
                        send(
                            client(commandAt),
                            "customers",
                            id,
                            "AwardPoints",
                            "{\"points\":1,\"reason\":\"ryw\"}");
                    long expected = points.merge(id, 1L, Long::sum);
                    Instance reader = instances.get((commandAt + 1) % 3);
                    HttpResponse<String> view =
                        reader.get(
                            "/api/v1/customers/"
                                + id
                                + "?consistencyToken="
                                + reply.get("consistencyToken").asText());
                    long shown = json(view).path("points").asLong(-1);
                    if (view.statusCode() != 200 || shown != expected) {
                      stale.add(id + " showed " + shown + " not " + expected + ": " + view.body());
                    }
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
    assertThat(stale).isEmpty();
  }

  @Test
  @Order(5)
  void shouldAnswerEveryKeyAgainWithin30SecondsOfAnInstanceBeingKilled() {
    Map<String, String> before = new TreeMap<>();
    for (String path : keyPaths()) {
      before.put(path, json(instances.getFirst().get(path)).toString());
    }
    Instance killed = instances.get(2);
    killed.kill();
    Instant killedAt = Instant.now();

    List<Instance> alive = instances.subList(0, 2);
    for (String path : keyPaths()) {
      Duration left = Duration.ofSeconds(30).minus(Duration.between(killedAt, Instant.now()));
      await()
          .atMost(left.isNegative() ? Duration.ZERO : left)
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                for (Instance instance : alive) {
                  HttpResponse<String> answer = instance.get(path);
                  assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
                  assertThat(json(answer).toString()).as(path).isEqualTo(before.get(path));
                }
              });
    }

    String id = customer(0);
    JsonNode reply =
        send(client(0), "customers", id, "AwardPoints", "{\"points\":5,\"reason\":\"after\"}");
    long expected = points.merge(id, 5L, Long::sum);
    HttpResponse<String> after =
        alive
            .get(1)
            .get(
                "/api/v1/customers/"
                    + id
                    + "?waitMs=30000&consistencyToken="
                    + reply.get("consistencyToken").asText());
    assertThat(json(after).get("points").asLong()).as(after.body()).isEqualTo(expected);
  }

  private List<String> keyPaths() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      paths.add("/api/v1/products/" + product(i));
    }
    for (int i = 0; i < CUSTOMERS; i++) {
      paths.add("/api/v1/customers/" + customer(i));
    }
    return paths;
  }

  private static boolean sameBodies(List<HttpResponse<String>> answers) {
    return answers.stream().map(a -> json(a).toString()).distinct().count() == 1;
  }

  private CommandClient client(int instance) {
    return new CommandClient(instances.get(instance).api());
  }

  private static JsonNode send(
      CommandClient client, String type, String id, String command, String payload) {
    CommandClient.Answer answer = client.send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static String product(int i) {
    return "p-%02d".formatted(i);
  }

  /** The ids of every item of a list, page after page, from one instance. */
  private static List<String> allPages(Instance instance, String first) {
    List<String> ids = new ArrayList<>();
    String page = first;
    while (page != null) {
      JsonNode body = json(instance.get(page));
      body.get("items").forEach(item -> ids.add(item.get("id").asText()));
      JsonNode next = body.get("nextCursor");
      page = next.isNull() ? null : first + "&cursor=" + next.asText();
    }
    return ids;
  }

  private static String order(int i) {
    return "order-" + i;
  }

  private static String customer(int i) {
    return "c-%02d".formatted(i);
  }
}
