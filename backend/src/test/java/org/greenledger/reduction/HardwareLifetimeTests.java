package org.greenledger.reduction;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.AcceleratorEmbodied;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteInput;
import org.greenledger.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code HARDWARE_LIFETIME}: a month of telemetry of eight A100 GPUs at an own site, with
 * the embodied emissions the engine amortizes (the GPU over six years, its share of the
 * host server over four, from the factor library); kept two years longer, each hour's
 * share falls by 6/8 and 4/6. A cloud site's GPUs are not the organisation's hardware.
 */
@IntegrationTest
class HardwareLifetimeTests {

	private static final double TOLERANCE = 1e-9;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	LibraryFactorLookup factors;

	@Autowired
	Sites sites;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Adoptions adoptions;

	@Test
	void ownSitesGpuServersKeptTwoYearsLongerSaveAQuarterOfTheirAmortizedEmbodiedEmissions() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		String code = "HL" + UUID.randomUUID().toString().substring(0, 8);
		Site site = this.sites.create(new SiteInput(code, "GPU hall " + code, "OWN", "SE", "SE", null, null, null),
				"reduction-test");
		String cloud = "HC" + UUID.randomUUID().toString().substring(0, 8);
		Site cloudSite = this.sites.create(
				new SiteInput(cloud, "Cloud telemetry " + cloud, "CLOUD", null, null, "aws", "eu-north-1", null),
				"reduction-test");
		AcceleratorEmbodied a100 = this.factors.acceleratorEmbodied("A100-40GB").orElseThrow().model();
		double gpuHours = 8;
		double embodiedPerHour = a100.forAcceleratorHours(TimeSpan.ofHours(gpuHours)).kilograms();
		Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<ReductionFixtures.MeasuredHour> hours = new ArrayList<>();
		int count = month.lengthOfMonth() * 24;
		for (int hour = 0; hour < count; hour++) {
			hours.add(new ReductionFixtures.MeasuredHour(start.plusSeconds(3600L * hour), 2.4, 0.1, embodiedPerHour,
					gpuHours, "SE"));
		}
		ReductionFixtures.measured(this.dataSource, this.jdbc, "gpu",
				Map.of("site", code, "model", "NVIDIA A100-SXM4-40GB"), site.id(), hours);
		ReductionFixtures.measured(this.dataSource, this.jdbc, "gpu",
				Map.of("site", cloud, "model", "NVIDIA A100-SXM4-40GB"), cloudSite.id(), hours);

		List<Opportunity> found = this.opportunities
			.find(new OpportunityQuery(month.atDay(1), month.atEndOfMonth(), Set.of(), OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.HARDWARE_LIFETIME)
			.filter(each -> each.subject().name().startsWith(code) || each.subject().name().startsWith(cloud))
			.toList();

		assertThat(found).hasSize(1);
		Opportunity longer = found.getFirst();
		assertThat(longer.subject().attributes()).containsEntry("site", code).containsEntry("model", "A100-40GB");
		double lifespan = a100.accelerator().lifespan().hours() / TimeSpan.HOURS_PER_YEAR;
		assertThat(lifespan).isEqualTo(6);
		// the host server's share (1/8 of a server per GPU-hour) over its own four years
		double server = a100.server().lifespan().hours() / TimeSpan.HOURS_PER_YEAR;
		assertThat(server).isEqualTo(4);
		double gpuShare = a100.accelerator().amortize(TimeSpan.ofHours(gpuHours), 1).kilograms();
		double serverShare = a100.server()
			.amortize(TimeSpan.ofHours(gpuHours / a100.acceleratorsPerServer()), 1)
			.kilograms();
		assertThat(gpuShare + serverShare).isCloseTo(embodiedPerHour, within(TOLERANCE));
		double embodied = embodiedPerHour * count;
		assertThat(longer.currentKgCo2e()).isCloseTo(embodied, within(TOLERANCE));
		// TE x h / (L x U) -> TE x h / ((L + d) x U), for the GPU (6 years) and its
		// server
		// (4 years)
		assertThat(longer.savingKgCo2e()).isCloseTo(
				embodied * (1 - (gpuShare * 6 / 8 + serverShare * 4 / 6) / (gpuShare + serverShare)),
				within(TOLERANCE));
		assertThat(longer.savingRange().lowKgCo2e()).isCloseTo(
				embodied * (1 - (gpuShare * 6 / 7 + serverShare * 4 / 5) / (gpuShare + serverShare)),
				within(TOLERANCE));
		assertThat(longer.savingRange().highKgCo2e()).isCloseTo(
				embodied * (1 - (gpuShare * 6 / 9 + serverShare * 4 / 7) / (gpuShare + serverShare)),
				within(TOLERANCE));
		assertThat(longer.evidence().figures().get("proposedLifespanYears")).isCloseTo(8, within(TOLERANCE));
		assertThat(longer.evidence().figures().get("serverLifespanYears")).isCloseTo(4, within(TOLERANCE));
		assertThat(longer.evidence().factors()).extracting(reference -> reference.kind()).contains("LIFESPAN");
		assertThat(longer.subject().links()).extracting(Opportunity.Link::href).contains("/sites/" + code);
		Adoption adopted = this.adoptions.adopt(
				new AdoptionInput("HARDWARE_LIFETIME", longer.subject().name(), month.atDay(1), month.atEndOfMonth(),
						month.plusMonths(1).atDay(1), null, "refresh postponed"),
				OrgUnitScope.UNRESTRICTED, "reduction-test");
		assertThat(adopted.baselineKgCo2e()).isCloseTo(embodied, within(TOLERANCE));
	}

}
