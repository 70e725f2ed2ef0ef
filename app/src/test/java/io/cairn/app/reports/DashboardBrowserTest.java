package io.cairn.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.HeadlessChromium;
import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.WithRealKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its chromedriver,
 * loads the page from the running app, shows the reports' charts with no console error, and shows
 * an order sent over HTTP within seconds, from the report's stream. A screenshot of the page is
 * kept as {@code app/target/dashboard.png}.
 */
@WithRealKafka
class DashboardBrowserTest {
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

  @RegisterExtension static final RunningApp app = new RunningApp();

  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    chromium = HeadlessChromium.open();
    browser = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private void placeOrder(String product, int units) {
    CommandClient.Answer placed =
        app.client()
            .send(
                "orders",
                "o-" + UUID.randomUUID().toString().substring(0, 8),
                "PlaceOrder",
                "{\"customerId\":\"ann\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d,\"unitPriceMinor\":450}]}"
                    .formatted(product, units));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
  }

  private List<WebElement> rowsOf(String product) {
    return browser.findElements(By.cssSelector("#table tbody tr[data-key='" + product + "']"));
  }

  @Test
  void theDashboardShowsTheReportsAndANewOrderWithinSeconds() throws IOException {
    placeOrder("dashboard-tea", 2);
    browser.get(app.httpUri().resolve("/dashboard#sales-by-product").toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> !rowsOf("dashboard-tea").isEmpty());
    assertThat(browser.findElements(By.cssSelector("#reports button")))
        .extracting(WebElement::getText)
        .contains("sales-by-product", "top-products", "order-funnel", "cart-abandonment");
    assertThat(browser.findElements(By.cssSelector("#chart .uplot canvas"))).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> browser.findElements(By.cssSelector("#lag tbody tr")).size() > 0);

    String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 6);
    placeOrder(fresh, 3);
    await().atMost(Duration.ofSeconds(5)).until(() -> !rowsOf(fresh).isEmpty());
    assertThat(rowsOf(fresh).getFirst().getText()).contains(fresh, "3", "1,350");

    chromium.screenshot(SCREENSHOT);
    assertThat(chromium.consoleErrors()).as("the browser's console errors").isEmpty();
  }

  @Test
  void theRootShowsTheDashboardToo() {
    browser.get(app.httpUri().resolve("/").toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> browser.findElements(By.cssSelector("#reports button")).size() >= 7);
    assertThat(browser.getTitle()).isEqualTo("Cairn · reports");
  }
}
