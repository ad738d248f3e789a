package org.greenledger.security.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.greenledger.Browser;
import org.greenledger.KeycloakIntegrationTest;
import org.greenledger.KeycloakServer;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the portal in a real Chromium through Keycloak's own login page, and
 * signing out of both (the sign-out form's redirects to Keycloak and back pass the
 * portal's Content-Security-Policy).
 */
@KeycloakIntegrationTest
class KeycloakBrowserSignInTests {

	@LocalServerPort
	int port;

	KeycloakServer keycloak = KeycloakServer.get();

	@Test
	void anOfficerSignsInAtKeycloaksLoginPageAndSignsOutOfBoth() {
		Browser browser = Browser.on(this.port);
		browser.open("/reports");
		browser.until(driver -> browser.path().startsWith("/login"));
		browser.find(By.id("provider-sign-in")).click();

		browser.until(driver -> driver.getCurrentUrl().startsWith(this.keycloak.issuer()));
		browser.find(By.id("username")).sendKeys("demo-officer");
		browser.find(By.id("password")).sendKeys("demo-only-officer");
		browser.find(By.id("kc-login")).click();

		browser.until(driver -> browser.path().startsWith("/reports"));
		assertThat(browser.find(By.className("user-name")).getText()).isEqualTo("demo-officer");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Reports");

		browser.find(By.cssSelector("form[action='/logout'] button[type=submit]")).click();
		browser.until(driver -> browser.path().equals("/login?logout"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("You have signed out.");

		// Keycloak's session has ended too: it asks for the password again
		browser.find(By.id("provider-sign-in")).click();
		browser.until(driver -> driver.getCurrentUrl().startsWith(this.keycloak.issuer()));
		assertThat(browser.find(By.id("password")).isDisplayed()).isTrue();
	}

}
