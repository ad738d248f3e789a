package org.greenledger.system.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ErrorPagesTests {

	@LocalServerPort
	int port;

	HttpTestClient browser;

	@BeforeEach
	void signIn() {
		this.browser = new HttpTestClient(this.port);
		this.browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void browsersGetA404PageInThePortalLayout() {
		HttpResponse<String> page = this.browser.get("/no-such-page", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("Page not found", "Back to the dashboard", "class=\"site-header\"")
			.doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void apiAddressesGetProblemsEvenWhenTheClientAcceptsHtml() {
		HttpResponse<String> response = this.browser.get("/api/v1/no-such-thing", "Accept", "text/html",
				"Authorization", HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD)[1]);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void staticAssetsAreServedFromTheFrontendModule() {
		HttpResponse<String> css = this.browser.get("/css/greenledger.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.body()).contains(".site-header");
	}

}
