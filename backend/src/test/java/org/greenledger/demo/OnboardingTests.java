package org.greenledger.demo;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data sources page offers an example file of each format the demo generator writes,
 * each downloadable and linked to its format page, and the format pages show the text of
 * docs/formats.
 */
@IntegrationTest
class OnboardingTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void signIn() {
		this.http = new HttpTestClient(this.port);
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void theDataSourcesPageOffersAnExampleOfEachFormatWithItsDocumentation() {
		String page = this.http.get("/data-sources").body();
		for (DemoExamples.Example example : DemoExamples.all()) {
			assertThat(page).contains("href=\"/examples/" + example.name() + "\"")
				.contains("href=\"/formats/" + example.doc() + "\"");
			HttpResponse<byte[]> file = this.http.getBytes("/examples/" + example.name());
			assertThat(file.statusCode()).as(example.name()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(example.name());
			assertThat(new String(file.body(), StandardCharsets.UTF_8))
				.isEqualTo(new String(example.content().get(), StandardCharsets.UTF_8));
			String format = this.http.get("/formats/" + example.doc()).body();
			assertThat(format).as(example.doc()).contains("class=\"format-doc\"");
		}
		assertThat(this.http.get("/formats/focus").body()).contains("FOCUS");
		assertThat(this.http.get("/formats/no-such-format").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/examples/no-such-file.csv").statusCode()).isEqualTo(404);
	}

}
