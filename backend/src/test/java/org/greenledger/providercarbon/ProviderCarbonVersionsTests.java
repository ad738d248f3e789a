package org.greenledger.providercarbon;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertKg;
import static org.greenledger.providercarbon.ProviderCarbonFiles.assertNull;

/**
 * A newer model version of a provider, account and month replaces the older one,
 * explicitly and audited; an older one never replaces a newer one; versions are never
 * added together.
 */
@IntegrationTest
class ProviderCarbonVersionsTests {

	private static final String PRE_V3_HEADER = "usage_period_start,usage_account_id,payer_account_id,model_version,"
			+ "product_code,region_code,total_lbm_emissions_unit,total_lbm_emissions_value,total_mbm_emissions_unit,"
			+ "total_mbm_emissions_value\n";

	private static final String V3_HEADER = "usage_account_id,usage_period_start,model_version,product_code,"
			+ "region_code,total_scope_1_emissions_value,total_scope_2_lbm_emissions_value,"
			+ "total_scope_2_mbm_emissions_value,total_scope_3_lbm_emissions_value,total_scope_3_mbm_emissions_value,"
			+ "total_lbm_emissions_value,total_mbm_emissions_value\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	String account;

	String month;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.account = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		this.month = "2031-%02d".formatted(ThreadLocalRandom.current().nextInt(1, 13));
	}

	@Test
	void aNewerModelVersionReplacesTheOlderAuditedAndAnOlderOneIsRefused() {
		DocumentContext v2 = upload("v2.csv", PRE_V3_HEADER + this.month + "-01," + this.account + "," + this.account
				+ ",v2.0.0,AmazonEC2,us-east-1,MTCO2e,1.5,MTCO2e,0.25\n");
		assertThat(v2.read("$.status", String.class)).as(v2.jsonString()).isEqualTo("COMPLETED");
		JsonNode before = figures();
		assertKg(before, "totalLocationBased", "1500");
		assertKg(before, "totalMarketBased", "250");
		assertNull(before, "scope1");

		DocumentContext v3 = upload("v3.csv", V3_HEADER + this.account + "," + this.month
				+ "-01 00:00:00Z,v3.0.0,AmazonEC2,us-east-1,0.01,1.2,0.0,0.6,0.5,1.81,0.51\n");

		assertThat(v3.read("$.status", String.class)).as(v3.jsonString()).isEqualTo("COMPLETED");
		assertThat(v3.read("$.notes[0].replacedJob", String.class)).isEqualTo(v2.read("$.id", String.class));
		JsonNode after = figures();
		assertKg(after, "scope1", "10");
		assertKg(after, "totalLocationBased", "1810");
		assertKg(after, "totalMarketBased", "510");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'PROVIDER_CARBON_REPLACED'
				and details ->> 'account' = ? and details ->> 'replacedModelVersion' = 'v2.0.0'""")
			.param(this.account)
			.query(Long.class)
			.single()).isEqualTo(1);

		DocumentContext older = upload("v2-again.csv", PRE_V3_HEADER + this.month + "-01," + this.account + ","
				+ this.account + ",v2.0.0,AmazonEC2,us-east-1,MTCO2e,1.6,MTCO2e,0.3\n");

		assertThat(older.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(older.read("$.message", String.class)).contains("version v3.0.0 is already stored");
		assertKg(figures(), "totalLocationBased", "1810");
	}

	@Test
	void twoVersionsInOneFileKeepTheNewestOnly() {
		DocumentContext job = upload("both.csv",
				PRE_V3_HEADER + this.month + "-01," + this.account + "," + this.account
						+ ",v3.0.0,AmazonEC2,us-east-1,MTCO2e,2,MTCO2e,1\n" + this.month + "-01," + this.account + ","
						+ this.account + ",v2.0.0,AmazonEC2,us-east-1,MTCO2e,1.5,MTCO2e,0.25\n");

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.notes[0].note", String.class)).contains("Kept only model version v3.0.0");
		assertKg(figures(), "totalLocationBased", "2000");
	}

	private DocumentContext upload(String name, String csv) {
		return ProviderCarbonFiles.upload(this.http, name + ".gz",
				ProviderCarbonFiles.uniquelyGzipped(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private JsonNode figures() {
		JsonNode accounts = ProviderCarbonFiles.get(this.http, "/api/v1/provider-carbon?from=" + this.month + "-01&to="
				+ this.month + "-28&groupBy=account&provider=aws");
		return ProviderCarbonFiles.group(accounts, this.account).path("kgCo2e");
	}

}
