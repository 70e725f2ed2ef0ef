package io.cairn.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * A soak's mixed load, open loop: at each tick of its rate, an AddItem to one of the soak's carts
 * (a careful client's, audited afterwards), a query of one of those carts' view, and at every
 * {@link #CHECKOUT_EVERY}th tick a checkout of a new cart. Each runs on a virtual thread of its
 * own, and is measured from its tick, not from when it was sent.
 */
final class SoakLoad implements AutoCloseable {
  static final int CHECKOUT_EVERY = 50;
  static final int PRODUCTS = 20;
  private static final String[] PRODUCT_NAMES =
      IntStream.range(0, PRODUCTS).mapToObj(p -> "p-" + p).toArray(String[]::new);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DRAIN = Duration.ofMinutes(10);

  /** An acknowledged AddItem: the cart, the product, and what the answer said. */
  record Added(String cart, String productId, CarefulClient.Ack ack) {}

  private final Target target;
  private final CarefulClient careful;
  private final HttpClient http;
  private final SoakTimeline timeline;
  private final Confirmations confirmations;
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Added> added = new ConcurrentLinkedQueue<>();
  private final AtomicLong checkouts = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong();
  private final String[] carts;
  private final Thread ticker;
  private volatile int rate;
  private volatile boolean running = true;

  /**
   * Where the load goes.
   *
   * @param api the app
   * @param run this soak's mark, in every id it makes
   * @param carts how many carts the AddItems are spread over
   */
  record Target(URI api, String run, int carts) {
    String cart(long index) {
      return "soak-" + run + "-c" + index;
    }

    /** The soak's carts' ids start so; no other aggregate's do. */
    String cartPrefix() {
      return "soak-" + run + "-c";
    }

    String product(long tick) {
      return "soak-" + run + "-p" + Math.floorMod(tick, PRODUCTS);
    }
  }

  SoakLoad(
      Target target,
      CarefulClient careful,
      HttpClient http,
      SoakTimeline timeline,
      Confirmations confirmations) {
    this.target = target;
    this.careful = careful;
    this.http = http;
    this.timeline = timeline;
    this.confirmations = confirmations;
    this.carts = new String[target.carts()];
    for (int c = 0; c < carts.length; c++) {
      carts[c] = target.cart(c);
    }
    this.ticker = Thread.ofPlatform().name("cairn-soak-ticker").start(this::tick);
  }

  /** Defines and stocks the products the checkouts buy; returns once all are acknowledged. */
  void stock() throws InterruptedException {
    for (int p = 0; p < PRODUCTS; p++) {
      String product = target.product(p);
      careful.send(
          "/api/v1/products/" + product + "/commands",
          "{\"type\":\"DefineProduct\",\"payload\":{\"name\":\"Soak\",\"category\":\"soak\","
              + "\"priceMinor\":900,\"currency\":\"EUR\"}}");
      careful.send(
          "/api/v1/inventory/" + product + "/commands",
          "{\"type\":\"ReceiveStock\",\"payload\":{\"quantity\":100000000}}");
    }
  }

  /** Ticks per second from now on; 0 pauses the load. */
  void rate(int perSecond) {
    rate = perSecond;
    LockSupport.unpark(ticker);
  }

  /** Every AddItem acknowledged so far. */
  List<Added> added() {
    return List.copyOf(added);
  }

  long checkouts() {
    return checkouts.get();
  }

  private void tick() {
    long next = System.nanoTime();
    while (running) {
      int perSecond = rate;
      if (perSecond == 0) {
        LockSupport.park();
        next = System.nanoTime();
        continue;
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue; // the rate may have changed meanwhile
      }
      long tick = ticks.getAndIncrement();
      long scheduled = next;
      work.submit(() -> addItem(tick, scheduled));
      work.submit(() -> query(tick, scheduled));
      if (tick % CHECKOUT_EVERY == 0) {
        work.submit(() -> checkOut(tick));
      }
      next += 1_000_000_000L / perSecond;
    }
  }

  private Void addItem(long tick, long scheduled) throws InterruptedException {
    String cart = cartOf(tick);
    String product = PRODUCT_NAMES[(int) Math.floorMod(tick, PRODUCTS)];
    Optional<CarefulClient.Ack> ack = careful.send(commands("carts", cart), addItem(product));
    if (ack.isPresent()) {
      timeline.command(scheduled, System.nanoTime());
      added.add(new Added(cart, product, ack.get()));
    }
    return null;
  }

  private Void query(long tick, long scheduled) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target.api().resolve("/api/v1/carts/" + cartOf(tick)))
            .timeout(QUERY_TIMEOUT)
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = answer.statusCode();
      if (status == 200 || status == 404) {
        timeline.query(scheduled, System.nanoTime());
      } else if (status == 503 && answer.headers().firstValue("Retry-After").isPresent()) {
        timeline.told("query 503");
      } else {
        careful.wrong(request, answer);
      }
    } catch (IOException e) {
      timeline.told("query no answer");
    }
    return null;
  }

  /** A cart of one line checked out; the order is then awaited on the integration topic. */
  private Void checkOut(long tick) throws InterruptedException {
    String cart = "soak-" + target.run() + "-o" + tick;
    String path = commands("carts", cart);
    if (careful.send(path, addItem(target.product(tick))).isEmpty()) {
      return null;
    }
    checkouts.incrementAndGet();
    // Awaited from before the CheckOut is sent: its retries may come after the saga has run.
    confirmations.answered(cart);
    careful.send(path, "{\"type\":\"CheckOut\",\"payload\":{\"customerId\":\"soak\"}}");
    return null;
  }

  /** Spreads consecutive ticks over the carts, so that one cart's commands rarely overlap. */
  private String cartOf(long tick) {
    return carts[(int) Math.floorMod(tick * 7919, (long) carts.length)];
  }

  private static String commands(String type, String id) {
    return "/api/v1/" + type + "/" + id + "/commands";
  }

  private static String addItem(String product) {
    return "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"" + product + "\",\"quantity\":1}}";
  }

  /** Stops ticking and waits until every command sent is acknowledged or given up. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    LockSupport.unpark(ticker);
    ticker.join();
    work.shutdown();
    if (!work.awaitTermination(DRAIN.toMinutes(), TimeUnit.MINUTES)) {
      work.shutdownNow();
      throw new IllegalStateException("commands still unacknowledged " + DRAIN + " after the load");
    }
  }
}
