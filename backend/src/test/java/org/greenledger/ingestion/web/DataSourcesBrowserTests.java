package org.greenledger.ingestion.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.greenledger.Browser;
import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data sources page in a real Chromium: drag-and-drop and file-input uploads with
 * their progress bars, the job's report, the rejected rows' download, retry, and what an
 * auditor may not do.
 */
@IntegrationTest
class DataSourcesBrowserTests {

	/**
	 * Sends a request with the page's session and CSRF token; calls back with the status.
	 */
	private static final String POST_WITH_SESSION = """
			const done = arguments[arguments.length - 1];
			const data = new FormData();
			data.append('_csrf', document.querySelector('input[name=_csrf]').value);
			data.append('file', new File(['a,b\\n1,2\\n'], 'x.csv', { type: 'text/csv' }));
			fetch(arguments[0], { method: 'POST', body: data, redirect: 'manual' })
			  .then(response => done(response.status), error => done('failed: ' + error));""";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	IngestionJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerDropsAFocusFileAndWatchesTheUploadAndTheIngestionReachCompletion() {
		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.SUSTAINABILITY_OFFICER), PASSWORD);
		browser.open("/data-sources");
		String nonce = UUID.randomUUID().toString();
		browser.script("""
				const files = new DataTransfer();
				files.items.add(new File([arguments[0]], arguments[1], { type: 'text/csv' }));
				const zone = document.querySelector('[data-drop-zone]');
				for (const type of ['dragenter', 'dragover', 'drop']) {
				  zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: files }));
				}""", DataSourceFixtures.focus(nonce, 6, 1), "dropped-" + nonce + ".csv");
		assertThat(browser.find(By.cssSelector("[data-chosen]")).getText()).startsWith("Chosen: dropped-" + nonce);
		assertThat(browser.script("return document.getElementById('file').files[0].name;"))
			.isEqualTo("dropped-" + nonce + ".csv");

		browser.find(By.cssSelector("form[data-upload] button[type=submit]")).click();
		String outcome = browser
			.until(d -> d.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-outcome"));

		assertThat(outcome).isEqualTo("COMPLETED");
		assertThat(browser.find(By.id("uploadProgress")).getDomProperty("value")).isEqualTo("100");
		assertThat(browser.find(By.id("jobProgress")).getDomProperty("value")).isEqualTo("100");
		assertThat(browser.find(By.cssSelector("[data-status]")).getText())
			.matches("Completed: 7 rows read: \\d usage, \\d cost only, 1 rejected\\.");
		// the list of uploads below has the new one
		assertThat(browser.find(By.cssSelector("[data-history] tbody tr")).getText())
			.startsWith("dropped-" + nonce + ".csv COMPLETED FOCUS 1.");
		browser.assertAccessible();

		browser.find(By.cssSelector("[data-outcome-link]")).click();
		browser.until(d -> browser.path().matches("/data-sources/[0-9a-f-]{36}"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("dropped-" + nonce + ".csv");
		assertThat(browser.find(By.cssSelector("[data-job-status]")).getText()).isEqualTo("COMPLETED");
		assertThat(browser.find(By.cssSelector("[data-job-rows]")).getText()).isEqualTo("7");
		assertThat(browser.find(By.cssSelector("table caption")).getText()).isNotEmpty();
		assertThat(browser.find(By.cssSelector("table#row-errors tbody tr")).getText())
			.startsWith("1 ChargePeriodStart")
			.endsWith("row 7");

		// (fetch decodes the UTF-8 and drops the byte-order mark)
		List<String> lines = download(browser, "Download the rejected rows (CSV)").lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo("Row,Column,Reason," + DataSourceFixtures.HEADER);
		assertThat(lines.get(1)).startsWith("7,ChargePeriodStart,").contains(",not-a-date,", "'=HYPERLINK");
	}

	@Test
	void aFileChosenWithTheFileInputIsUploadedAndARejectedFileIsExplained() throws IOException {
		Browser browser = Browser.on(this.port);
		browser.signIn(user(Role.ADMIN), PASSWORD);
		browser.open("/data-sources");
		Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "mostly-bad-", ".csv");
		Files.writeString(file, DataSourceFixtures.focus(UUID.randomUUID().toString(), 1, 3));
		browser.find(By.id("file")).sendKeys(file.toString());
		browser.find(By.cssSelector("form[data-upload] button[type=submit]")).click();
		String outcome = browser
			.until(d -> d.findElement(By.cssSelector("[data-progress]")).getDomAttribute("data-outcome"));
		assertThat(outcome).isEqualTo("REJECTED");
		assertThat(browser.find(By.cssSelector("[data-status]")).getText()).startsWith("REJECTED: ");

		browser.find(By.cssSelector("[data-outcome-link]")).click();
		browser.until(d -> browser.path().matches("/data-sources/[0-9a-f-]{36}"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("A rejected file is not retried")
			.doesNotContain("Retry the job");
		assertThat(download(browser, "Download the rejected rows (CSV)").lines()).hasSize(4);
		browser.assertAccessible();
		Files.delete(file);
	}

	@Test
	void anOfficerRetriesAFailedJobAndThePageFollowsItToCompletion() {
		Browser browser = Browser.on(this.port);
		UUID id = DataSourceFixtures.failedJob(this.jobs, this.jdbc, "retried.csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 3, 0));
		browser.signIn(user(Role.SUSTAINABILITY_OFFICER), PASSWORD);
		browser.open("/data-sources/" + id);
		assertThat(browser.find(By.cssSelector("[data-job-status]")).getText()).isEqualTo("FAILED");
		browser.assertAccessible();

		browser.find(By.xpath("//button[normalize-space()='Retry the job']")).click();
		browser.until(d -> "COMPLETED".equals(d.findElement(By.cssSelector("[data-job-status]")).getText()));
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Retry the job");
		assertThat(browser.find(By.id("progress")).getDomProperty("value")).isEqualTo("100");
	}

	@Test
	void anAuditorSeesNoUploadControlAndTheirSessionCannotPostOneOrRetry() {
		Browser browser = Browser.on(this.port);
		UUID failed = DataSourceFixtures.failedJob(this.jobs, this.jdbc, "not-for-auditors.csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 1, 0));
		browser.signIn(user(Role.AUDITOR), PASSWORD);
		browser.open("/data-sources");
		assertThat(browser.findAll(By.cssSelector("input[type=file], form[data-upload], [data-drop-zone]"))).isEmpty();
		assertThat(browser.find(By.tagName("main")).getText()).contains("Your role can read the uploads");
		browser.assertAccessible();

		assertThat(browser.asyncScript(POST_WITH_SESSION, "/data-sources")).isEqualTo(403L);
		assertThat(browser.asyncScript(POST_WITH_SESSION, "/data-sources/" + failed + "/retry")).isEqualTo(403L);
		assertThat(this.jobs.find(failed).orElseThrow().status()).isEqualTo("FAILED");
	}

	private static final String PASSWORD = "browser password 1";

	private String user(Role role) {
		String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(name, PASSWORD, Set.of(role));
		return name;
	}

	/**
	 * Fetches a link's target with the page's session, as the browser would download it.
	 */
	private static String download(Browser browser, String linkText) {
		String href = browser.find(By.linkText(linkText)).getDomAttribute("href");
		return (String) browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(response => response.text()).then(done, error => done('failed: ' + error));""",
				href);
	}

}
