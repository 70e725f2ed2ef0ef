package io.cairn.engine.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Cairn Kafka Streams application does when a stream thread dies of an exception: it
 * replaces the thread. What kills a thread while the cluster or the network is away (a transaction
 * fenced or timed out, a producer left in an invalid state) passes with the fault, and the new
 * thread resumes exactly once from the last commit. Kafka Streams' default, stopping the whole
 * application for good, turned a 20-second network cut into a dead process. A thread that dies
 * again and again, more than {@value #MOST_IN_A_MINUTE} times within a minute, meets something that
 * will not pass: the application then stops (ERROR), which takes liveness down so that an
 * orchestrator restarts the process.
 */
public final class ThreadReplacement implements StreamsUncaughtExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ThreadReplacement.class);
  private static final int MOST_IN_A_MINUTE = 10;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final String application;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();

  /** The handler of the named application's threads. */
  public ThreadReplacement(String application, Clock clock) {
    this.application = application;
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    Instant now = clock.instant();
    recent.addLast(now);
    while (recent.getFirst().isBefore(now.minus(WINDOW))) {
      recent.removeFirst();
    }
    if (recent.size() > MOST_IN_A_MINUTE) {
      log.error(
          "Stream threads of {} died {} times within a minute; stopping the application, which"
              + " takes liveness down",
          application,
          recent.size(),
          exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.warn(
        "A stream thread of {} died ({}); a new one resumes from the last commit",
        application,
        exception.toString(),
        exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
