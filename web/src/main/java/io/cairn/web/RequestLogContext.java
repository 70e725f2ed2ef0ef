package io.cairn.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The ids in the MDC of every log line a request causes: its correlation id (the client's
 * Correlation-Id, or one made for it), and what handlers add, such as the command id. A line
 * written on another thread, when an asynchronous answer completes, carries them too.
 */
public final class RequestLogContext {
  /** The MDC key of the request's correlation id. */
  public static final String CORRELATION_ID = "correlation_id";

  /** The MDC key of the id of the command a request sends. */
  public static final String COMMAND_ID = "command_id";

  private static final String ATTRIBUTE = "cairn.log.context";

  /** What a client may put in a log line: an id, not text that could forge another line. */
  private static final Pattern LOGGABLE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestLogContext() {}

  static void install(JavalinConfig config) {
    config.routes.before(RequestLogContext::open);
  }

  private static void open(Context ctx) {
    // Request threads are virtual and new, but a pooled one must not keep the last request's ids.
    MDC.clear();
    String given = ctx.header("Correlation-Id");
    boolean loggable = given != null && LOGGABLE_ID.matcher(given).matches();
    MDC.put(CORRELATION_ID, loggable ? given : UUID.randomUUID().toString());
    remember(ctx);
  }

  /** Keeps the MDC as it is now as this request's, for lines written later on other threads. */
  public static void remember(Context ctx) {
    ctx.attribute(ATTRIBUTE, MDC.getCopyOfContextMap());
  }

  /** The function, run with this request's MDC on whichever thread calls it. */
  public static <T, U, R> BiFunction<T, U, R> carried(Context ctx, BiFunction<T, U, R> function) {
    Map<String, String> ids = ctx.attribute(ATTRIBUTE);
    return (t, u) -> with(ids, () -> function.apply(t, u));
  }

  /** Runs the action with this request's MDC, as the exception table does to log a failure. */
  static void during(Context ctx, Runnable action) {
    Map<String, String> ids = ctx.attribute(ATTRIBUTE);
    with(
        ids,
        () -> {
          action.run();
          return null;
        });
  }

  private static <R> R with(Map<String, String> ids, Supplier<R> work) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    install(ids);
    try {
      return work.get();
    } finally {
      install(before);
    }
  }

  private static void install(Map<String, String> ids) {
    if (ids == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(ids);
    }
  }
}
