package org.greenledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
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
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium against the running test server. One headless browser serves every browser
 * test of a test run: it starts when a test first asks for it and quits when the JVM
 * exits. Tests that need it are skipped (a JUnit assumption) when Chromium or its driver
 * is not installed; CI installs both ({@code .ci/run}).
 *
 * <p>
 * The driver executable and the browser binary are given explicitly, so Selenium Manager
 * never runs (and never downloads a browser or driver).
 */
public final class Browser {

	/** The browser binary ({@code -Dgreenledger.test.chromium=...} to use another). */
	static final Path CHROMIUM = Path.of(System.getProperty("greenledger.test.chromium", "/usr/bin/chromium"));

	/** The driver ({@code -Dgreenledger.test.chromedriver=...} to use another). */
	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("greenledger.test.chromedriver", "/usr/bin/chromedriver"));

	/** Width of the window: the portal's desktop layout, and the screenshots' width. */
	public static final int WIDTH = 1280;

	private static final int HEIGHT = 900;

	/** Screenshots of longer pages show their top. */
	private static final int MAX_SCREENSHOT_HEIGHT = 4000;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static ChromeDriver shared;

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * The shared browser, pointed at the test server on this port, without cookies (no
	 * one signed in). Skips the calling test when Chromium is not installed.
	 */
	public static Browser on(int port) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				() -> "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed (Debian: apt-get"
						+ " install chromium chromium-driver; CI installs them through .ci/run)");
		Browser browser = new Browser(shared(), port);
		browser.driver.manage().deleteAllCookies();
		browser.driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
		return browser;
	}

	private static synchronized ChromeDriver shared() {
		if (shared == null) {
			Path profile = profile();
			ChromeDriver started = start(profile);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.quit();
				org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
			}, "browser-quit"));
			shared = started;
		}
		return shared;
	}

	/** A fresh, empty user-data directory under target/. */
	private static Path profile() {
		try {
			Files.createDirectories(Path.of("target"));
			return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-GB",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
				"--disable-features=Translate,OptimizationHints,MediaRouter", "--hide-scrollbars",
				"--force-device-scale-factor=1");
		// downloads (a link to an attachment) stay in the profile, not in the home
		// directory
		options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
				profile.resolve("downloads").toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(WAIT);
		driver.manage().timeouts().pageLoadTimeout(WAIT);
		return driver;
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Opens a portal path (for example {@code /data-sources}) and waits for it to load.
	 */
	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** The path of the current page (without the server part). */
	public String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : url;
	}

	/** Signs in through the portal's login form and waits for the page after it. */
	public Browser signIn(String username, String password) {
		this.driver.manage().deleteAllCookies();
		open("/login");
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		until(d -> !path().startsWith("/login"));
		return this;
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/**
	 * Waits (up to 30 s) until the condition holds, and returns its value. An element
	 * that went stale because the page was replaced meanwhile is looked for again, also
	 * when ChromeDriver reports the replacement as an inspector error ("Node with given
	 * id does not belong to the document": the element was found in the page before it
	 * was replaced and read after).
	 */
	public <T> T until(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(driver -> {
				try {
					return condition.apply(driver);
				}
				catch (org.openqa.selenium.WebDriverException ex) {
					if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
						return null;
					}
					throw ex;
				}
			});
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Runs an asynchronous script: it calls {@code arguments[arguments.length - 1]} with
	 * its result.
	 */
	public Object asyncScript(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	/**
	 * Saves the whole current page (up to 4000 pixels) as PNG at the window's width: the
	 * window is made as tall as the page for the picture, then set back.
	 */
	public Path screenshot(Path file) {
		Dimension before = this.driver.manage().window().getSize();
		try {
			@SuppressWarnings("unchecked")
			List<Number> sizes = (List<Number>) script("window.scrollTo(0, 0); return [window.innerHeight,"
					+ " Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)];");
			// the window's height includes what is not the page
			int chrome = before.getHeight() - sizes.get(0).intValue();
			int height = Math.min(Math.max(sizes.get(1).intValue(), HEIGHT - chrome), MAX_SCREENSHOT_HEIGHT);
			this.driver.manage().window().setSize(new Dimension(before.getWidth(), height + chrome));
			byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	/** Runs axe-core on the current page (see {@link Axe}). */
	public List<Axe.Violation> accessibilityViolations() {
		return Axe.run(this.driver);
	}

	/**
	 * Fails when axe-core finds a serious or critical WCAG 2.0/2.1 A or AA violation on
	 * the current page, listing each with its rule, help text and elements.
	 */
	public void assertAccessible() {
		Axe.assertNoSeriousViolations(path(), accessibilityViolations());
	}

}
