package io.cairn.analytics;

import io.cairn.commerce.Commerce;
import io.cairn.core.report.Report;
import io.cairn.core.view.Projection;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.engine.views.EventsTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The domain's reports under TopologyTestDriver, kept with a grace of ten minutes, fed by commands
 * to the write side at the events' times the tests choose, and read back window by window.
 */
final class ReportDriver implements AutoCloseable {
  private final TopologyDriver driver;
  private ReportTopology reports;

  ReportDriver(Path stateDir) {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(),
            List.<Projection<?>>of(),
            topics -> {
              reports =
                  new ReportTopology(
                      Commerce.reports(),
                      new ReportSettings(Duration.ofMinutes(10), Duration.ofDays(30)),
                      new ReportTopics(topics, Duration.ofDays(30)));
              return List.<EventsTopology>of(reports);
            },
            Reactions.Declared.none(),
            stateDir);
  }

  /** The driver, for what the tests do beside sending commands at chosen times. */
  TopologyDriver driver() {
    return driver;
  }

  /**
   * Sends a command as of an instant, the events' clock moved there, back or forth; the wall clock
   * stays, as in a busy log where no task falls silent.
   */
  void sendAt(Instant at, String type, String id, SpecificRecord command) {
    Duration by = Duration.between(driver.now(), at);
    if (by.isNegative()) {
      driver.rewind(by.negated());
    } else {
      driver.advanceEventTime(by);
    }
    driver.send(type, id, command);
  }

  /** A key's window that starts at the instant, or null when none is kept. */
  <A> A window(Report<?, A> report, String key, Instant start) {
    return driver
        .<String, A>store(ReportStores.windows(report))
        .get(ReportStores.slot(report, key, start));
  }

  /** How many windows a report has left an event out of, the event beyond the grace period. */
  long late(String report) {
    return reports.activity().get(report).lateBeyondGrace();
  }

  @Override
  public void close() {
    driver.close();
  }
}
