package io.cairn.engine.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.customers.AwardPoints;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.customers.PointsAwarded;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.commerce.Commerce;
import io.cairn.engine.streams.DeadLetter;
import io.cairn.engine.testing.TopologyDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another service's events through an inbox, under TopologyTestDriver: applied once by source and
 * id, in both CloudEvents modes, and what is not right goes to the dead-letter queue with why.
 */
class InboxTopologyTest {
  private static final String TOPIC = "cairn.inbox.rewards";

  @TempDir Path stateDir;
  private TopologyDriver driver;

  @BeforeEach
  void start() {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(),
            List.of(),
            new Reactions.Declared(List.of(), List.of(), Commerce.inboxes(), List.of(), List.of()),
            stateDir);
    driver.send("customers", "c1", new RegisterCustomer("Ada", "ada@example.com"));
    driver.events("customers").readValuesToList();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aStructuredEventSentTwiceUnderTwoKeysIsAppliedOnce() {
    byte[] event =
        structured(
            "evt-1",
            "rewards.PointsAwarded",
            "{\"customerId\":\"c1\",\"points\":40,\"reason\":\"survey\"}");
    driver.pipe(TOPIC, "k1", event, structuredHeaders());
    driver.pipe(TOPIC, "k2", event, structuredHeaders());

    List<SpecificRecord> events = driver.events("customers").readValuesToList();
    assertThat(events).hasSize(1);
    CustomerEvent awarded = (CustomerEvent) events.getFirst();
    assertThat(awarded.getPayload()).isEqualTo(new PointsAwarded(40L, "survey"));
    assertThat(awarded.getActor()).isEqualTo("inbox:rewards");
    assertThat(awarded.getCausationId()).isEqualTo("/rewards#evt-1");
    assertThat(awarded.getCorrelationId()).isEqualTo("flow-9");
    assertThat(driver.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void aBinaryModeEventIsReadFromItsHeaders() {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", "evt-2");
    header(headers, "ce_source", "/rewards");
    header(headers, "ce_type", "rewards.PointsRedeemed");
    header(headers, "content-type", "application/json");
    driver.send("customers", "c1", new AwardPoints(50L, "welcome"));
    driver.events("customers").readValuesToList();

    driver.pipe(
        TOPIC, "c1", bytes("{\"customerId\":\"c1\",\"points\":20,\"reason\":\"mug\"}"), headers);

    CustomerEvent redeemed = (CustomerEvent) driver.events("customers").readValue();
    assertThat(redeemed.getPayload().toString()).contains("\"points\": 20");
    assertThat(redeemed.getCorrelationId()).isEqualTo("evt-2");
  }

  @Test
  void aBinaryModeEventWithAvroDataIsReadWithItsSchemaFromTheRegistry() {
    Schema schema =
        SchemaBuilder.record("PointsAwarded")
            .namespace("com.example.rewards")
            .fields()
            .requiredString("customerId")
            .requiredLong("points")
            .requiredString("reason")
            .endRecord();
    GenericRecord data = new GenericData.Record(schema);
    data.put("customerId", "c1");
    data.put("points", 7L);
    data.put("reason", "referral");
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", "evt-avro");
    header(headers, "ce_source", "/rewards");
    header(headers, "ce_type", "rewards.PointsAwarded");
    header(headers, "content-type", "application/avro");

    driver.pipe(TOPIC, "c1", driver.avro(TOPIC, data), headers);

    CustomerEvent awarded = (CustomerEvent) driver.events("customers").readValue();
    assertThat(awarded.getPayload()).isEqualTo(new PointsAwarded(7L, "referral"));
  }

  @Test
  void whatTheInboxCannotTakeIsDeadLetteredWithWhy() {
    driver.pipe(TOPIC, "k", bytes("not json"), structuredHeaders());
    driver.pipe(TOPIC, "k", structured("evt-3", "rewards.TierChanged", "{}"), structuredHeaders());
    driver.pipe(
        TOPIC,
        "k",
        structured("evt-4", "rewards.PointsAwarded", "{\"customerId\":\"c1\",\"points\":\"many\"}"),
        structuredHeaders());
    driver.pipe(
        TOPIC,
        "k",
        structured(
            "evt-5",
            "rewards.PointsAwarded",
            "{\"customerId\":\"nobody\",\"points\":5,\"reason\":\"x\"}"),
        structuredHeaders());

    List<TestRecord<byte[], byte[]>> dead = driver.deadLetters().readRecordsToList();
    assertThat(dead)
        .extracting(record -> text(record.headers(), DeadLetter.REASON))
        .containsExactly(
            "invalid_cloudevent", "unknown_type", "invalid_event", "rejected:customer_not_found");
    assertThat(text(dead.get(1).headers(), DeadLetter.TOPIC)).isEqualTo(TOPIC);
    assertThat(text(dead.get(1).headers(), DeadLetter.MESSAGE)).contains("rewards.TierChanged");
    assertThat(text(dead.get(2).headers(), DeadLetter.MESSAGE))
        .contains("data.points must be a whole number");
    assertThat(text(dead.get(3).headers(), DeadLetter.TOPIC)).isEqualTo("cairn.customers.commands");
    assertThat(driver.events("customers").readValuesToList()).isEmpty();
  }

  private static byte[] structured(String id, String type, String data) {
    return bytes(
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/rewards\",\"type\":\""
            + type
            + "\",\"correlationid\":\"flow-9\",\"datacontenttype\":\"application/json\",\"data\":"
            + data
            + "}");
  }

  private static Headers structuredHeaders() {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "content-type", "application/cloudevents+json; charset=UTF-8");
    return headers;
  }

  private static void header(Headers headers, String key, String value) {
    headers.add(key, bytes(value));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
