package io.cairn.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How the app writes its log lines: as text for a person at a terminal (logback.xml's pattern), or
 * as one JSON object per line for a log shipper.
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The format a {@code log.format} value names, in any case. */
  public static LogFormat parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("must be text or json");
    };
  }

  /** The name a {@code log.format} value gives it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Makes the console appender of logback.xml write in this format from now on. Lines written
   * before, while the configuration was read, stay as text.
   */
  public void apply() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      apply(context);
    }
  }

  void apply(LoggerContext context) {
    if (this == TEXT
        || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")
            instanceof OutputStreamAppender<ILoggingEvent> console)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // What a shipper needs: the time, level, thread, logger, MDC, the message as written, and
    // the stack trace; not Logback's sequence numbers, nanoseconds, context or raw arguments.
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    // Swapped in place: stopping the appender would close its stream, System.out.
    console.setEncoder(encoder);
  }
}
