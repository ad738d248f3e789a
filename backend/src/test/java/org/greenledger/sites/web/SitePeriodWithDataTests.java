package org.greenledger.sites.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A site whose only readings are a real year of Green Button interval data from 2011
 * opens on 2011 (not on an empty current year saying "No readings yet"), offers the year,
 * and exports the same monthly figures as its page and API.
 */
@IntegrationTest
class SitePeriodWithDataTests {

	@LocalServerPort
	int port;

	@Test
	void aSiteWithReadingsOf2011OpensOn2011AndExportsItsMonths() throws IOException {
		HttpTestClient http = new HttpTestClient(this.port);
		MeasuredUploads uploads = new MeasuredUploads(http);
		String code = "Y" + UUID.randomUUID().toString().substring(0, 8);
		uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Coastal multi-family", "kind": "OWN", "gridZone": "NL"}""".formatted(code));
		byte[] file = Files.readAllBytes(
				Path.of("src/test/resources/corpus/measured/green-button/gba-coastal-multi-family-2011.xml.gz"));
		// the same readings in a gzip header of its own (the header's time is not under
		// the CRC): content another test uploaded already would be answered with that
		// upload, whose readings belong to its own site
		int mtime = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
		for (int i = 0; i < 4; i++) {
			file[4 + i] = (byte) (mtime >>> (8 * i));
		}
		DocumentContext job = uploads.upload("gba-coastal-multi-family-2011.xml.gz", file, Map.of("site", code));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);

		String page = http.get("/sites/" + code).body();
		assertThat(page).doesNotContain("No readings yet").contains("Years with readings:").contains(">2011<");
		String to = page.substring(page.indexOf("id=\"to\""), page.indexOf(">", page.indexOf("id=\"to\"")));
		assertThat(to).containsPattern("value=\"201[12]-\\d\\d\"");

		String last = to.replaceAll(".*value=\"(\\d{4}-\\d\\d)\".*", "$1");
		java.time.YearMonth end = java.time.YearMonth.parse(last);
		DocumentContext months = uploads
			.getJson("/api/v1/sites/" + code + "/months?from=" + end.minusMonths(11) + "&to=" + end);
		List<?> facility = months.read("$[*].facilityKwh", List.class);
		double apiTotal = facility.stream().mapToDouble(value -> ((Number) value).doubleValue()).sum();
		assertThat(apiTotal).as("a year of the file's 4,425.305 kWh").isCloseTo(4425.305, within(4425.305 * 0.1));

		String csv = new String(http.getBytes("/sites/" + code + "/export?format=csv").body(), StandardCharsets.UTF_8);
		List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
		int column = header.indexOf("facility (kWh)");
		double exported = csv.lines()
			.skip(1)
			.map(line -> line.split(",", -1)[column])
			.filter(cell -> !cell.equals("no data"))
			.mapToDouble(Double::parseDouble)
			.sum();
		assertThat(exported).isCloseTo(apiTotal, within(1e-6));
	}

}
