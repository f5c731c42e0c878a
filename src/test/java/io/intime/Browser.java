package io.intime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs), for tests that use the pages as a person would. Screenshots go to
 * target/screenshots/. A missing browser fails the test: browser tests never skip.
 */
public final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	public Browser(String baseUrl) throws IOException {
		this.baseUrl = baseUrl;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("intime.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1440,1000", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--no-first-run", "--disable-quic",
				"--user-data-dir=" + Files.createTempDirectory("intime-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("intime.chromedriver", "/usr/bin/chromedriver")))
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		// Every document records its Content-Security-Policy violations (see
		// cspViolations()).
		chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
				window.__cspViolations = [];
				document.addEventListener('securitypolicyviolation', function (event) {
				  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
				});"""));
		this.driver = chrome;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// htmx may replace an element a condition is reading: the next poll finds it anew
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		Files.createDirectories(SCREENSHOTS);
	}

	public void open(String path) {
		driver.get(baseUrl + path);
	}

	public void signIn(String username, String password) {
		open("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("#sign-in").click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
	}

	public WebElement find(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * The visible text of an element, found again when htmx replaced it between finding
	 * and reading (a live refresh or a swap still settling).
	 */
	public String text(String css) {
		return wait.until(d -> {
			try {
				WebElement element = d.findElement(By.cssSelector(css));
				return element.isDisplayed() ? element.getText() : null;
			}
			catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
				return null;
			}
		});
	}

	/**
	 * A file the signed-in person downloads from {@code path} (a same-origin fetch with
	 * their session), as bytes.
	 */
	public byte[] download(String path) {
		Object base64 = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(function (r) { return r.arrayBuffer(); })
				  .then(function (b) {
				    var bytes = new Uint8Array(b), text = '';
				    for (var i = 0; i < bytes.length; i += 8192) {
				      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
				    }
				    done(btoa(text));
				  });""", path);
		return java.util.Base64.getDecoder().decode((String) base64);
	}

	public java.util.List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
		wait.until(condition::apply);
	}

	/**
	 * Scrolls the page so that the element is at the top of the window (for a screenshot
	 * of it).
	 */
	public void scrollTo(String css) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", find(css));
	}

	/**
	 * Runs a script in the page with its arguments and returns its result (see
	 * {@code JavascriptExecutor}), e.g. to set a date and time input, whose typing is
	 * locale-bound. A number comes back as a Long or Double.
	 */
	public Object script(String script, Object... arguments) {
		return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/**
	 * Works inside the frame (an iframe) the selector finds, until {@link #switchBack}.
	 */
	public void switchToFrame(String css) {
		driver.switchTo().frame(find(css));
	}

	/** Back from a frame to the page. */
	public void switchBack() {
		driver.switchTo().defaultContent();
	}

	public String currentPath() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	/**
	 * What the Content-Security-Policy blocked on the current page (directive and blocked
	 * URI).
	 */
	@SuppressWarnings("unchecked")
	public java.util.List<String> cspViolations() {
		return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return window.__cspViolations || []");
	}

	/**
	 * Sets the window's size (a phone is 390 wide), for the layout at that width.
	 */
	public void resize(int width, int height) {
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
		wait.until(d -> ((Number) script("return window.innerWidth")).intValue() == width);
	}

	public void screenshot(String name) throws IOException {
		File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		driver.quit();
	}

}
