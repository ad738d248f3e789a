package org.greenledger.system.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.greenledger.Browser;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal with the keyboard alone, in Chromium: sign in, skip to the content, reach
 * the navigation and follow it, submit a form; every stop on the way shows where the
 * focus is.
 */
@IntegrationTest
class KeyboardBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void signInNavigateAndFilterWithTheKeyboardAloneSeeingTheFocusAtEveryStop() {
		Browser browser = Browser.on(this.port);
		WebDriver driver = browser.driver();
		browser.open("/login");
		// the user name field has the focus when the page opens
		WebElement first = focused(driver);
		assertThat(first.getDomAttribute("id")).isEqualTo("username");
		first.sendKeys("admin");
		press(driver, Keys.TAB);
		assertThat(focused(driver).getDomAttribute("id")).isEqualTo("password");
		focused(driver).sendKeys(IntegrationTest.ADMIN_PASSWORD, Keys.ENTER);
		browser.until(d -> !browser.path().startsWith("/login"));

		// the first stop of every page is the skip link, which moves the focus to the
		// content
		browser.open("/");
		press(driver, Keys.TAB);
		WebElement skip = focused(driver);
		assertThat(skip.getText()).isEqualTo("Skip to content");
		assertThat(skip.isDisplayed()).isTrue();
		press(driver, Keys.ENTER);
		assertThat(driver.getCurrentUrl()).endsWith("#main");

		// every stop through the header shows a focus indicator, and Enter follows a link
		browser.open("/");
		List<String> stops = new ArrayList<>();
		WebElement explorer = tabUntil(driver, element -> {
			stops.add(element.getTagName() + " " + element.getText());
			assertThat(focusIndicator(driver)).as("the focus indicator of " + element.getText()).isTrue();
			return "/explorer".equals(element.getDomAttribute("href"));
		}, 30);
		assertThat(stops).as("the stops before the explorer link").hasSizeGreaterThan(2);
		explorer.sendKeys(Keys.ENTER);
		browser.until(d -> browser.path().startsWith("/explorer"));

		// a form filled and sent with the keyboard
		WebElement group = tabUntil(driver, element -> "groupBy".equals(element.getDomAttribute("id")), 40);
		group.sendKeys("service");
		WebElement apply = tabUntil(driver, element -> "submit".equals(element.getDomAttribute("type")), 20);
		assertThat(focusIndicator(driver)).isTrue();
		apply.sendKeys(Keys.ENTER);
		browser.until(d -> browser.path().contains("groupBy=service"));
	}

	private static WebElement tabUntil(WebDriver driver, java.util.function.Predicate<WebElement> wanted, int most) {
		List<String> visited = new ArrayList<>();
		for (int stop = 0; stop < most; stop++) {
			press(driver, Keys.TAB);
			WebElement element = focused(driver);
			if (wanted.test(element)) {
				return element;
			}
			visited.add(element.getTagName() + "#" + element.getDomAttribute("id") + " '" + element.getText() + "'");
		}
		throw new AssertionError("not reached with " + most + " presses of Tab; the focus went to " + visited);
	}

	private static void press(WebDriver driver, Keys key) {
		new Actions(driver).sendKeys(key).perform();
	}

	private static WebElement focused(WebDriver driver) {
		return driver.switchTo().activeElement();
	}

	/** Whether the focused element draws an outline or a box shadow. */
	private static boolean focusIndicator(WebDriver driver) {
		Object visible = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
				const style = getComputedStyle(document.activeElement);
				return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
				    || style.boxShadow !== 'none';""");
		return Boolean.TRUE.equals(visible);
	}

}
