package io.cairn.queries.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.analytics.changes.FeedPosition;
import io.cairn.analytics.changes.FeedSubscription;
import io.cairn.analytics.changes.ReportFeeds;
import io.cairn.analytics.changes.WindowChange;
import io.cairn.commerce.reports.SalesByProduct;
import io.cairn.kafka.client.KafkaConnection;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client's stream, driven without a broker: changes go out in order with the position after
 * each as their id, and a client too slow to take them is cut off with a final event saying why,
 * rather than buffered without bound.
 */
class WindowStreamTest {
  private static final Instant NINE = Instant.parse("2026-12-02T09:00:00Z");
  // Never read: no stream here resumes, which is what reads the changelog.
  private static final ReportFeeds FEEDS =
      new ReportFeeds(new KafkaConnection("127.0.0.1:9", Map.of()), "test", 1, Duration.ZERO);

  private static WindowChange sale(long offset, long units) {
    return new WindowChange(
        0, offset, "tea", NINE, new SalesByProduct.ProductSales(units, units * 100, "EUR", 1));
  }

  private static WindowStream<SalesByProduct.ProductSales> stream(FeedSubscription subscription) {
    return WindowStream.of(SalesByProduct.REPORT, FEEDS, subscription, Duration.ofSeconds(15));
  }

  @Test
  void changesGoOutInOrderWithThePositionAfterEachAsTheirId() {
    FeedSubscription subscription =
        new FeedSubscription(10, new FeedPosition(Map.of(0, 0L)), ignored -> {});
    subscription.offer(sale(0, 1));
    subscription.offer(sale(1, 3));
    subscription.end("The app stops.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    stream(subscription).run(new SseWriter(out), Optional.empty());

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .containsSubsequence(
            "retry: 3000",
            "id: 0:1\nevent: window\ndata: {\"windowStart\":\"2026-12-02T09:00:00Z\","
                + "\"windowEnd\":\"2026-12-02T10:00:00Z\",\"key\":\"tea\",\"unitsSold\":1",
            "id: 0:2\nevent: window",
            "event: closed\ndata: {\"reason\":\"ended\"");
  }

  @Test
  void aClientTooSlowForItsQueueIsCutOffWithAFinalEventSayingWhy() throws Exception {
    FeedSubscription subscription =
        new FeedSubscription(2, new FeedPosition(Map.of(0, 0L)), ignored -> {});
    CountDownLatch reading = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            try {
              // A client that does not read: the first write waits until it does.
              reading.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            written.write(bytes, offset, length);
          }
        };
    Thread writer =
        Thread.ofVirtual()
            .start(() -> stream(subscription).run(new SseWriter(stalled), Optional.empty()));
    for (long offset = 0; offset < 3; offset++) {
      subscription.offer(sale(offset, offset + 1));
    }
    assertThat(subscription.overflowed()).isTrue();
    reading.countDown();
    writer.join(Duration.ofSeconds(10));

    assertThat(writer.isAlive()).isFalse();
    String text = written.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("event: closed", "\"reason\":\"too_slow\"");
    assertThat(text).doesNotContain("event: window");
  }
}
