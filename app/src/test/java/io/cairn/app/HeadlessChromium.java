package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through its chromedriver, for the tests of the app's pages:
 * opened with the browser's console log kept, closed by the test that opened it.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver browser;

  private HeadlessChromium(ChromeDriver browser) {
    this.browser = browser;
  }

  /** Starts a browser; fails with what to install when there is none. */
  public static HeadlessChromium open() {
    assertThat(new File(CHROMIUM))
        .as("Debian's chromium and chromium-driver run this test; .ci/run installs them")
        .exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  /** The driver, to load pages and find elements. */
  public ChromeDriver driver() {
    return browser;
  }

  /** The console's errors so far. */
  public List<LogEntry> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  /** Keeps a screenshot of the page, for a person to look at after the run. */
  public void screenshot(Path file) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    browser.quit();
  }
}
