package org.greenledger.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data issues rank by what they matter: many rows billed at nothing rank below one costly
 * unmapped row.
 */
@IntegrationTest
class DataIssuesRankingTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	DataIssues issues;

	@Test
	void theLargestBilledCostRanksFirstWhateverTheRowCount() {
		HttpTestClient http = new HttpTestClient(this.port);
		YearMonth month = TestMonths.unusedMonth(http);
		StringBuilder file = new StringBuilder(HEADER).append('\n');
		// 40 rows of an unknown instance type at 0.00 and one at 431.52 of another
		for (int i = 0; i < 40; i++) {
			file.append(month.atDay(1))
				.append("T00:00:00Z,")
				.append(month.atDay(1))
				.append("T01:00:00Z,Usage,0.00,USD,AWS,Compute,EC2,us-east-1,1,Hours,")
				.append("\"{\"\"InstanceType\"\":\"\"zz0.free\"\"}\",\n");
		}
		String costly = new String(new FocusFiles().unknownInstance(month, "431.52").bytes(), StandardCharsets.UTF_8);
		file.append(costly.substring(costly.indexOf('\n') + 1));
		new MeasuredUploads(http).upload("issues.csv", file.toString().getBytes(StandardCharsets.UTF_8), Map.of());
		List<DataIssues.Group> ranked = this.issues.groups(month.atDay(1), month.atEndOfMonth(), LedgerFilter.ALL, 10);
		assertThat(ranked).hasSizeGreaterThanOrEqualTo(2);
		assertThat(ranked.get(0).billedCost()).isEqualByComparingTo(new BigDecimal("431.52"));
		assertThat(ranked.get(0).subject()).isEqualTo("instance type zz9.plural");
		assertThat(ranked.get(0).explanation()).contains("zz9.plural is not yet in GreenLedger's instance catalog");
		assertThat(ranked.get(1).rows()).isEqualTo(40);
		assertThat(ranked.get(1).billedCost()).isEqualByComparingTo(BigDecimal.ZERO);
	}

}
