package org.greenledger.reduction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.ledger.LedgerFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code SUPPLIER_SWITCH}: GPU usage billed in AWS ap-south-1 (India's coal-heavy grid)
 * and an evaluation of the same workload at that region and at a Nordic colocation
 * supplier: the evaluation's first-ranked candidate against the current supply (the
 * candidate where the ledger holds the usage) is the saving, for the part of the
 * evaluation's period asked for.
 */
@IntegrationTest
class SupplierSwitchTests {

	private static final double TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LibraryFactorLookup factors;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void theEvaluationsBestCandidateAgainstTheCurrentSupplyIsTheSaving() {
		YearMonth month = TestMonths.unusedMonth(this.http);
		List<LedgerFixture.Row> rows = new ArrayList<>();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			rows.add(ReductionFixtures.gpuDay(this.factors, day, month.atDay(day), "aws", "ap-south-1", "H100-SXM",
					8 * 24, "2100.00"));
		}
		UUID job = new LedgerFixture(this.dataSource).write(null, rows);
		ReductionFixtures.registerUpload(this.jdbc, job);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String aws = supplier("AWS " + nonce, "CLOUD_PROVIDER");
		String nordic = supplier("Nordic colo " + nonce, "COLOCATION_OPERATOR");
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		// the evaluated period runs on into the next month: half of it, or so, is asked
		// for
		LocalDate evaluatedTo = to.plusDays(month.lengthOfMonth());
		DocumentContext evaluation = this.api.postJson("/api/v1/procurement/evaluations", """
				{"name": "training %s",
				 "workload": {"from": "%s", "to": "%s", "acceleratorHours": [{"model": "H100-SXM", "hours": 12000}]},
				 "candidates": [{"supplierId": "%s", "label": "today", "provider": "aws", "region": "ap-south-1"},
				                {"supplierId": "%s", "label": "nordic", "gridZone": "SE-SE1"}]}""".formatted(nonce,
				from, evaluatedTo, aws, nordic));
		String id = evaluation.read("$.id", String.class);
		assertThat(evaluation.read("$.ranking", List.class)).containsExactly("nordic", "today");
		double todayKg = evaluation.read("$.candidates[0].co2eMarketKg", Double.class)
				+ evaluation.read("$.candidates[0].co2eEmbodiedKg", Double.class);
		double nordicKg = evaluation.read("$.candidates[1].co2eMarketKg", Double.class)
				+ evaluation.read("$.candidates[1].co2eEmbodiedKg", Double.class);
		double share = month.lengthOfMonth() / (double) (evaluatedTo.toEpochDay() - from.toEpochDay() + 1);

		DocumentContext answer = this.api.getJson("/api/v1/opportunities?from=" + from + "&to=" + to);
		List<Map<String, Object>> switches = answer
			.read("$.items[?(@.kind == 'SUPPLIER_SWITCH' && @.subject.name == 'training " + nonce + "')]");

		assertThat(switches).hasSize(1);
		Map<String, Object> item = switches.getFirst();
		assertThat((Double) item.get("savingKgCo2e")).isCloseTo((todayKg - nordicKg) * share, within(TOLERANCE));
		assertThat((Double) item.get("currentKgCo2e")).isCloseTo(todayKg * share, within(TOLERANCE));
		@SuppressWarnings("unchecked")
		Map<String, String> attributes = (Map<String, String>) ((Map<String, Object>) item.get("subject"))
			.get("attributes");
		assertThat(attributes).containsEntry("currentSupplier", "AWS " + nonce)
			.containsEntry("recommendedSupplier", "Nordic colo " + nonce)
			.containsEntry("evaluation", id);
		assertThat(answer.read("$.items[?(@.kind == 'SUPPLIER_SWITCH' && @.subject.name == 'training " + nonce
				+ "')].evidence.ledgerLines[0].jobId", List.class))
			.containsExactly(job.toString());
		assertThat(answer.read("$.items[?(@.kind == 'SUPPLIER_SWITCH' && @.subject.name == 'training " + nonce
				+ "')].subject.links[0].href", List.class))
			.containsExactly("/evaluations/" + id);
		// adopted: after the switch the ledger holds nothing in ap-south-1 and the Nordic
		// supplier's projected location-based emissions per day count instead
		DocumentContext adopted = this.api.postJson("/api/v1/opportunities/adoptions", """
				{"kind": "SUPPLIER_SWITCH", "subject": "training %s", "from": "%s", "to": "%s", "adoptedOn": "%s"}"""
			.formatted(nonce, from, to, to.plusDays(1)));
		double ledgerKg = this.api.getJson("/api/v1/footprint?from=" + from + "&to=" + to)
			.read("$.groups[0].co2eKg.locationBased", Double.class);
		assertThat(adopted.read("$.adoption.baselineKgCo2e", Double.class)).isCloseTo(ledgerKg, within(TOLERANCE));
		String adoption = adopted.read("$.adoption.id", String.class);
		DocumentContext realized = this.api.getJson(
				"/api/v1/opportunities/adoptions/" + adoption + "?from=" + to.plusDays(1) + "&to=" + to.plusDays(10));
		double nordicPerDay = evaluation.read("$.candidates[1].co2eLocationKg", Double.class)
				/ (evaluatedTo.toEpochDay() - from.toEpochDay() + 1);
		assertThat(realized.read("$.realized.actualKgCo2e", Double.class)).isCloseTo(nordicPerDay * 10,
				within(TOLERANCE));
		assertThat(realized.read("$.realized.realizedKgCo2e", Double.class))
			.isCloseTo(ledgerKg / month.lengthOfMonth() * 10 - nordicPerDay * 10, within(TOLERANCE));
		// outside the evaluated period there is no switch to propose
		LocalDate later = evaluatedTo.plusDays(1);
		assertThat(this.api.getJson("/api/v1/opportunities?from=" + later + "&to=" + later.plusDays(10))
			.read("$.items[?(@.kind == 'SUPPLIER_SWITCH' && @.subject.name == 'training " + nonce + "')]", List.class))
			.isEmpty();
	}

	private String supplier(String name, String type) {
		return this.api
			.postJson("/api/v1/procurement/suppliers",
					"""
							{"name": "%s", "type": "%s", "website": "https://example.com",
							 "contacts": [{"name": "Ada", "email": "ada@example.com", "role": "sustainability"}]}"""
						.formatted(name, type))
			.read("$.id", String.class);
	}

}
