package io.cairn.app.faults;

import io.cairn.app.write.CommandClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady load of AddItem commands on a test's own carts, as careful clients send them: each with
 * an Idempotency-Key, and, when it fails, sent again with the same key after the Retry-After until
 * it is acknowledged. Every attempt is kept, so that a test can tell what the clients were told
 * while a fault lasted and what was acknowledged in the end.
 */
final class SteadyLoad implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RETRY_CAP = Duration.ofSeconds(1);
  static final int PRODUCTS = 4;

  /**
   * One request and what came of it.
   *
   * @param sentNanos when it was sent, on System.nanoTime's clock
   * @param answeredNanos when its answer, or its failure, came
   * @param status the answer's status; 0 for none (the connection failed or the wait timed out)
   * @param error the error code of an error answer
   * @param retryAfter the Retry-After of an answer that had one
   */
  record Attempt(long sentNanos, long answeredNanos, int status, String error, String retryAfter) {
    long millis() {
      return (answeredNanos - sentNanos) / 1_000_000;
    }
  }

  /** A command as its client sent it, every time, and the acknowledgement it got in the end. */
  record Command(
      String cart, String key, String productId, List<Attempt> attempts, CommandClient.Answer ok) {
    String commandId() {
      return ok.json().get("commandId").asText();
    }

    long version() {
      return ok.json().get("version").asLong();
    }
  }

  private final CommandClient client;
  private final String prefix;
  private final int carts;
  private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Command> done = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
  private volatile boolean sending = true;

  private SteadyLoad(URI api, String prefix, int carts) {
    this.client = new CommandClient(api);
    this.prefix = prefix;
    this.carts = carts;
  }

  /** Starts the clients, each sending one command after another. */
  static SteadyLoad start(URI api, String prefix, int clients, int carts) {
    SteadyLoad load = new SteadyLoad(api, prefix, carts);
    for (int i = 0; i < clients; i++) {
      load.clients.submit(load::send);
    }
    return load;
  }

  /** The commands acknowledged so far. */
  List<Command> acknowledged() {
    return List.copyOf(done);
  }

  /** The answers no client should ever get: a wrong status, or a 503 without Retry-After. */
  List<String> wrongAnswers() {
    return List.copyOf(wrong);
  }

  /** The carts the load sends to. */
  List<String> carts() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < carts; i++) {
      all.add(prefix + i);
    }
    return all;
  }

  private void send() {
    Random random = new Random();
    while (sending) {
      String cart = prefix + random.nextInt(carts);
      String product = "p-" + random.nextInt(PRODUCTS);
      complete(cart, UUID.randomUUID().toString(), product);
    }
  }

  /** Sends one command until it is acknowledged, or gives it up as wrongly answered. */
  private void complete(String cart, String key, String product) {
    String body =
        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"" + product + "\",\"quantity\":1}}";
    List<Attempt> attempts = new ArrayList<>();
    while (true) {
      long sent = System.nanoTime();
      CommandClient.Answer answer = ask(cart, key, body);
      Attempt attempt =
          answer == null
              ? new Attempt(sent, System.nanoTime(), 0, null, null)
              : new Attempt(
                  sent,
                  System.nanoTime(),
                  answer.status(),
                  answer.status() == 200 ? null : answer.error(),
                  answer.retryAfter());
      attempts.add(attempt);
      if (answer != null && answer.status() == 200) {
        done.add(new Command(cart, key, product, List.copyOf(attempts), answer));
        return;
      }
      if (answer != null && !retryable(answer)) {
        wrong.add(cart + " " + key + ": " + answer.status() + " " + answer.body());
        return;
      }
      LockSupport.parkNanos(backOff(answer).toNanos());
    }
  }

  private CommandClient.Answer ask(String cart, String key, String body) {
    try {
      return client
          .sendAsync("carts", cart, body, Map.of("Idempotency-Key", key))
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError unlike) {
        wrong.add(cart + " " + key + ": not as the OpenAPI document says: " + unlike.getMessage());
      }
      return null;
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A 503 that says when to come back, or a 504 whose outcome a retry with the key learns. */
  private static boolean retryable(CommandClient.Answer answer) {
    return (answer.status() == 503 && answer.retryAfter() != null)
        || (answer.status() == 504 && answer.error().equals("command_timeout"));
  }

  /** As the answer asks, at most a second; half a second after no answer. */
  private static Duration backOff(CommandClient.Answer answer) {
    if (answer == null || answer.retryAfter() == null) {
      return Duration.ofMillis(500);
    }
    Duration asked = Duration.ofSeconds(Long.parseLong(answer.retryAfter()));
    return asked.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : asked;
  }

  /** Stops sending new commands and waits until every one sent is acknowledged. */
  @Override
  public void close() {
    sending = false;
    clients.shutdown();
    try {
      if (!clients.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        clients.shutdownNow();
        throw new AssertionError(
            "commands still unacknowledged " + STOP_TIMEOUT + " after the load");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clients.shutdownNow();
    }
  }
}
