package de.ortsanker.webmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver (both installed by scripts/chromium.sh). Every
 * page it opens records calls of alert() instead of blocking on them, so a test can prove none happened.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "webmap-screenshots");

    final ChromeDriver driver;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): run scripts/chromium.sh, or scripts/test.sh which calls it");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=de-DE", "--window-size=1280,860");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__alerts = []; window.alert = m => window.__alerts.push(String(m));"
                // Every uncaught error and unhandled rejection of the page's scripts (not failed resources,
                // which do not bubble to window), so a test can prove none happened.
                + "window.__errors = [];"
                + "window.addEventListener('error', e => window.__errors.push(String(e.error && e.error.stack || e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push('unhandled rejection: '"
                + " + String(e.reason && e.reason.stack || e.reason)));"));
    }

    Object cdp(String command, Map<String, Object> params) {
        return driver.executeCdpCommand(command, params);
    }

    void open(String url) {
        driver.get(url);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, Duration.ofSeconds(30), condition);
    }

    /** Polls the condition; an element the page has drawn anew meanwhile (stale) means "not yet", as a missing one. */
    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement visible(String css) {
        return await(css + " to be visible", d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    @SuppressWarnings("unchecked")
    List<String> alerts() {
        return (List<String>) js("return window.__alerts || []");
    }

    /** The uncaught errors and unhandled rejections of the page's scripts since it was opened. */
    @SuppressWarnings("unchecked")
    List<String> pageErrors() {
        return (List<String>) js("return window.__errors || []");
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
