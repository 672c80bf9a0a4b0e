package io.brokerbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokerbench.results.ResultsJson;
import io.brokerbench.testing.RealEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the report of the schema-2 fixture results in headless Chromium from disk (file://, no
 * network) and checks what a reader sees: no console errors, every chart drawn with its series, the table figures
 * equal to results.json. Saves target/report-screenshot.png (the top of the page) and
 * target/report-full.png (the whole page).
 *
 * <p>Needs the Debian packages chromium and chromium-driver; skips without them, fails under
 * BROKERBENCH_REQUIRE_REAL=1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * Selenium looks for a DevTools binding matching the browser for executeCdpCommand; the raw
   * command needs none, so its warning about a missing one is noise. Held here so the level sticks.
   */
  private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  private ChromeDriver browser;
  /** Stops chromedriver and Chromium if the JVM exits before {@link #closeBrowser()}. */
  private Thread quitAtExit;
  private Path report;
  private Path folder;
  private Path build;
  private JsonNode results;

  @BeforeAll
  void openReport() throws Exception {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    if (!chromiumInstalled()) return;
    String buildDir = System.getenv("BROKERBENCH_BUILD_DIR");
    build = Path.of(buildDir == null ? "target" : buildDir);
    folder = FixtureResults.copyV2To(Files.createTempDirectory(Files.createDirectories(build), "browser-report-"));
    Path report = ReportWriter.write(folder);
    results = FixtureResults.tree(folder);

    Path profile = Files.createTempDirectory(build, "chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1440,1900", "--hide-scrollbars", "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    ChromeDriver started = browser;
    quitAtExit = new Thread(started::quit, "chromium-quit");
    Runtime.getRuntime().addShutdownHook(quitAtExit);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().window().setSize(new Dimension(1440, 1900));
    this.report = report;
  }

  /** Each test, not the class, is skipped (or fails under BROKERBENCH_REQUIRE_REAL=1), so the reason shows per test. */
  @BeforeEach
  void loadReport() {
    RealEnvironment.assumeAvailable(chromiumInstalled(), "headless Chromium not installed (" + CHROMIUM + ", "
        + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
    browserErrors();
    browser.get(report.toUri().toString());
  }

  @AfterAll
  void closeBrowser() {
    if (browser == null) return;
    browser.quit();
    Runtime.getRuntime().removeShutdownHook(quitAtExit);
  }

  @Test
  void logsNoConsoleErrors() {
    assertEquals(List.of(), browserErrors());
    assertEquals(List.of(), js("return window.bbErrors;"));
  }

  /** Negative control: the same checks on a page with one line blanked and a console error. */
  @Test
  void checksCatchAnUndrawnLineAndAConsoleError() throws Exception {
    Document page = Jsoup.parse(report.toFile(), "UTF-8");
    page.outputSettings().prettyPrint(false);
    Element data = page.getElementById("bb-chart-data");
    JsonNode charts = ResultsJson.mapper().readTree(data.data());
    ArrayNode blanked = (ArrayNode) charts.at("/charts/w1-confirmed/series/0/y");
    for (int i = 0; i < blanked.size(); i++) blanked.set(i, NullNode.getInstance());
    data.empty().appendChild(new DataNode(SafeJson.write(charts)));
    page.body().appendElement("script").appendChild(new DataNode("console.error('negative control');"));
    Path broken = folder.resolve("broken.html");
    Files.writeString(broken, page.outerHtml());

    browser.get(broken.toUri().toString());
    assertTrue(browserErrors().stream().anyMatch(m -> m.contains("negative control")), "console error seen");
    JsonNode probe = ResultsJson.mapper().readTree((String) js(PIXEL_PROBE)).get(0);
    assertEquals("w1-confirmed", probe.get("id").asText());
    assertTrue(probe.get("colours").get(0).get("pixels").asInt() < 40, "blanked line has no pixels: " + probe);
    assertTrue(probe.get("colours").get(1).get("pixels").asInt() >= 40, "other lines still drawn: " + probe);
  }

  @Test
  void drawsEveryChartWithOneVisibleLinePerTarget() throws Exception {
    List<WebElement> figures = browser.findElements(By.cssSelector("figure.chart"));
    assertEquals(12, figures.size(), "six charts per workload");
    JsonNode drawn = ResultsJson.mapper().readTree((String) js("return JSON.stringify(window.bbCharts);"));
    assertEquals(figures.size(), drawn.size(), "every chart registered as drawn");
    JsonNode pixels = ResultsJson.mapper().readTree((String) js(PIXEL_PROBE));
    for (int i = 0; i < figures.size(); i++) {
      WebElement figure = figures.get(i);
      String id = figure.getAttribute("id");
      int expectedSeries = Integer.parseInt(figure.getAttribute("data-series"));
      assertEquals(id, drawn.get(i).get("id").asText());
      assertEquals(expectedSeries, drawn.get(i).get("series").asInt(), id + " series");
      JsonNode probe = pixels.get(i);
      assertEquals(expectedSeries, probe.get("colours").size(), id);
      assertTrue(probe.get("painted").asInt() > 2000, id + " has drawn pixels: " + probe);
      for (JsonNode colour : probe.get("colours")) {
        assertTrue(colour.get("pixels").asInt() >= 40, id + ": the line of " + colour.get("label").asText()
            + " (" + colour.get("color").asText() + ") is visible: " + probe);
      }
    }
  }

  @Test
  void showsTableFiguresEqualToResultsJson() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) js("""
        return Array.from(document.querySelectorAll('table[data-table=summary] tr.target-row')).flatMap(row =>
          Array.from(row.querySelectorAll('td[data-metric]')).map(td => ({
            workload: row.closest('section').dataset.workload, target: row.dataset.target,
            metric: td.dataset.metric, text: td.querySelector('.v').innerText, visible: td.offsetWidth > 0 })));
        """);
    assertEquals(5 * ReportModel.SUMMARY_METRICS.size(), cells.size());
    for (Map<String, Object> cell : cells) {
      String metric = (String) cell.get("metric");
      String where = cell.get("workload") + " " + cell.get("target") + " " + metric;
      Double expected = FixtureResults.overOkRuns(
          FixtureResults.runs(results, (String) cell.get("target"), (String) cell.get("workload")), metric);
      String text = (String) cell.get("text");
      assertEquals(Boolean.TRUE, cell.get("visible"), where + " is visible");
      if (expected == null) {
        assertEquals("–", text, where);
        continue;
      }
      if (metric.endsWith("Bytes")) expected = expected / (1024 * 1024);
      String digits = text.replace(",", "");
      int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
      double shown = Double.parseDouble(digits);
      assertEquals(expected, shown, 0.5 * Math.pow(10, -decimals) + 1e-9, where + " shows " + text);
    }
  }

  @Test
  void savesScreenshots() throws Exception {
    browser.executeScript("window.scrollTo(0, 0);");
    Path top = build.resolve("report-screenshot.png");
    Files.write(top, browser.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.size(top) > 50_000, "screenshot has content: " + Files.size(top) + " bytes");
    @SuppressWarnings("unchecked")
    Map<String, Object> full = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1440,
            "height", ((Number) js("return document.documentElement.scrollHeight;")).intValue(), "scale", 1)));
    Files.write(build.resolve("report-full.png"), Base64.getDecoder().decode((String) full.get("data")));
    Path parts = Files.createDirectories(build.resolve("report-sections"));
    for (WebElement section : browser.findElements(By.cssSelector("section"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> box = (Map<String, Object>) js("""
          const r = document.getElementById('%s').getBoundingClientRect();
          return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
          """.formatted(section.getAttribute("id")));
      @SuppressWarnings("unchecked")
      Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true, "clip", Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
              "height", box.get("height"), "scale", 1)));
      Files.write(parts.resolve(section.getAttribute("id") + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
    assertFalse(browser.findElements(By.cssSelector("section")).isEmpty());
  }

  private static boolean chromiumInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Browser log entries at warning level or above since the last call (reading clears them). */
  private List<String> browserErrors() {
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) severe.add(entry.getLevel() + " " + entry.getMessage());
    }
    return severe;
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /** Per chart: painted pixels of its canvas, and per series the pixels close to its colour. */
  private static final String PIXEL_PROBE = """
      const data = JSON.parse(document.getElementById('bb-chart-data').textContent).charts;
      return JSON.stringify(Array.from(document.querySelectorAll('figure.chart')).map(fig => {
        const canvas = fig.querySelector('canvas');
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        const colours = data[fig.id].series.map(s => ({ label: s.label, color: s.color,
          rgb: [1, 3, 5].map(i => parseInt(s.color.substr(i, 2), 16)), pixels: 0 }));
        for (let i = 0; i < px.length; i += 4) {
          if (px[i + 3] === 0) continue;
          painted++;
          if (px[i + 3] < 200) continue;
          for (const c of colours) {
            if (Math.abs(px[i] - c.rgb[0]) + Math.abs(px[i + 1] - c.rgb[1]) + Math.abs(px[i + 2] - c.rgb[2]) < 40) c.pixels++;
          }
        }
        return { id: fig.id, painted: painted, colours: colours.map(c => ({ label: c.label, color: c.color, pixels: c.pixels })) };
      }));
      """;
}
