package org.greenledger.providercarbon;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.greenledger.providercarbon.ReconciledGroup.Cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The causes of a group's difference on hand-built figures (kg CO2e), each computed by
 * hand below: services estimated from spend, the Scope 3 boundary outside their share,
 * services on one side only, each side's market instruments, and the unexplained rest,
 * which with the causes adds up to the difference on both bases.
 */
class DifferenceCausesTests {

	/**
	 * The provider's group: Scope 1 0, Scope 2 12 location-based and 5 market-based,
	 * Scope 3 7 on both bases: 19 location-based, 12 market-based. By service: A 10
	 * (Scope 3 4), B 6 (Scope 3 2), C 3 (Scope 3 1), which GreenLedger has no lines of.
	 */
	private static final ProviderFigures REPORTED = figures(0, 12.0, 5.0, 7.0, 7.0, 19, 12.0);

	/**
	 * GreenLedger's group: operational 27 location-based, 24 market-based, embodied 1,
	 * spend-based 15. By service: A 20, of it 15 from spend (w = 0.75); B 5, none from
	 * spend; D 2, which the provider's figures do not name.
	 */
	private static final LedgerFigures ESTIMATE = new LedgerFigures(27, 24, 1, 15, 10);

	private static final DifferenceCauses.Services SERVICES = new DifferenceCauses.Services(
			Map.of("A", figures(0, 6.0, null, 4.0, null, 10, null), "B", figures(0, 4.0, null, 2.0, null, 6, null), "C",
					figures(0, 2.0, null, 1.0, null, 3, null)),
			Map.of("A", new LedgerFigures(20, 20, 0, 15, 4), "B", new LedgerFigures(5, 3, 0, 0, 3), "D",
					new LedgerFigures(2, 1, 1, 0, 3)));

	@Test
	void servicesEstimatedFromSpendMeetTheirShareOfTheProvidersWholeFigure() {
		List<Cause> causes = DifferenceCauses.bothSides(Provider.AWS, REPORTED, ESTIMATE, Optional.of(SERVICES));

		// A: 0.75 x 10 - 15 = -7.5; B has no spend-based part
		assertThat(kg(causes, "SPEND_BASED_ESTIMATES")).isCloseTo(-7.5, within(1e-12));
		// 7 - 0.75 x 4 (A's Scope 3 in the spend-based share) - embodied 1 = 3
		assertThat(kg(causes, "SCOPE_3_BOUNDARY")).isCloseTo(3, within(1e-12));
		// C: Scope 1 + 2 = 3 - 1; its Scope 3 stays in the boundary
		assertThat(kg(causes, "SERVICES_ONLY_IN_PROVIDER_FIGURES")).isCloseTo(2, within(1e-12));
		// D: GreenLedger's operational 2
		assertThat(kg(causes, "SERVICES_ONLY_IN_GREENLEDGER")).isCloseTo(-2, within(1e-12));
		// difference 19 - 28 = -9; the rest is the usage-based part's operational
		// difference: A (1 - 0.75) x (6 - 20) = -3.5, B 1 x (4 - 5) = -1
		double difference = 19 - ESTIMATE.totalLocationBased();
		assertThat(difference - sum(causes)).isCloseTo(-4.5, within(1e-12));
	}

	@Test
	void theMarketBasedCausesAddEachSidesInstrumentsAndLeaveTheSameRest() {
		List<Cause> location = DifferenceCauses.bothSides(Provider.AWS, REPORTED, ESTIMATE, Optional.of(SERVICES));

		List<Cause> market = DifferenceCauses.marketBased(REPORTED, ESTIMATE, location);

		// the provider's 19 - 12 = 7 (all Scope 2); GreenLedger's 28 - 25 = 3
		assertThat(kg(market, "PROVIDER_MARKET_INSTRUMENTS")).isCloseTo(-7, within(1e-12));
		assertThat(cause(market, "PROVIDER_MARKET_INSTRUMENTS").explanation()).contains("Scope 2 7.000000 kg",
				"Scope 3 0.000000 kg");
		assertThat(kg(market, "GREENLEDGER_MARKET_INSTRUMENTS")).isCloseTo(3, within(1e-12));
		assertThat(market).hasSize(location.size() + 2);
		// difference 12 - 25 = -13 = -4.5 (location-based causes) - 7 + 3 + rest -4.5
		double difference = 12 - ESTIMATE.totalMarketBased();
		assertThat(difference - sum(market)).isCloseTo(-4.5, within(1e-12));
	}

	@Test
	void aGroupWithoutServicesOrScope3IsOneServiceAndKeepsItsEmbodiedPartInTheRest() {
		// a sum of scopes only (no Scope 3 of its own, no market-based figure), lines
		// without a service: 10 kg; GreenLedger 6 operational (3 from spend, w = 0.5) + 1
		ProviderFigures sum = figures(null, null, null, null, null, 10, null);
		LedgerFigures ours = new LedgerFigures(6, 6, 1, 3, 2);
		DifferenceCauses.Services unnamed = new DifferenceCauses.Services(Map.of(ProviderCarbonQuery.NONE, sum),
				Map.of("A", new LedgerFigures(4, 4, 1, 3, 1), "B", new LedgerFigures(2, 2, 0, 0, 1)));

		List<Cause> causes = DifferenceCauses.bothSides(Provider.AZURE, sum, ours, Optional.of(unnamed));

		// 0.5 x 10 - 3 = 2, nothing else: no Scope 3 boundary, no services to compare
		assertThat(causes).extracting(Cause::cause).containsExactly("SPEND_BASED_ESTIMATES");
		assertThat(kg(causes, "SPEND_BASED_ESTIMATES")).isCloseTo(2, within(1e-12));
		// difference 10 - 7 = 3; rest (1 - 0.5) x (10 - 6) - embodied 1 = 1
		assertThat(10 - ours.totalLocationBased() - sum(causes)).isCloseTo(1, within(1e-12));
		// no market-based figure: GreenLedger's instruments only (none here)
		assertThat(DifferenceCauses.marketBased(sum, ours, causes)).isEqualTo(causes);
	}

	@Test
	void servicesThatDoNotAddUpToTheGroupAreNotUsed() {
		// GreenLedger's services hold 22 of the group's 27 kg: the group is one service,
		// w = 15 / 27
		DifferenceCauses.Services partial = new DifferenceCauses.Services(SERVICES.provider(),
				Map.of("A", new LedgerFigures(20, 20, 0, 15, 4), "D", new LedgerFigures(2, 1, 1, 0, 3)));

		List<Cause> causes = DifferenceCauses.bothSides(Provider.AWS, REPORTED, ESTIMATE, Optional.of(partial));

		assertThat(causes).extracting(Cause::cause).containsExactly("SCOPE_3_BOUNDARY", "SPEND_BASED_ESTIMATES");
		assertThat(kg(causes, "SPEND_BASED_ESTIMATES")).isCloseTo(15.0 / 27 * 19 - 15, within(1e-12));
		assertThat(kg(causes, "SCOPE_3_BOUNDARY")).isCloseTo(7 - 15.0 / 27 * 7 - 1, within(1e-12));
	}

	@Test
	void causesOfSeveralMonthsAddUpByName() {
		List<Cause> summed = DifferenceCauses.summed(List.of(new Cause("SCOPE_3_BOUNDARY", 1.5, "x"),
				new Cause("SPEND_BASED_ESTIMATES", -2, "y"), new Cause("SCOPE_3_BOUNDARY", 2.25, "x")));

		assertThat(summed).extracting(Cause::cause).containsExactly("SCOPE_3_BOUNDARY", "SPEND_BASED_ESTIMATES");
		assertThat(kg(summed, "SCOPE_3_BOUNDARY")).isCloseTo(3.75, within(1e-12));
	}

	private static ProviderFigures figures(@Nullable Number scope1, @Nullable Double scope2Location,
			@Nullable Double scope2Market, @Nullable Double scope3Location, @Nullable Double scope3Market,
			double totalLocation, @Nullable Double totalMarket) {
		return new ProviderFigures(decimal(scope1), decimal(scope2Location), decimal(scope2Market),
				decimal(scope3Location), decimal(scope3Market), decimal(totalLocation), decimal(totalMarket));
	}

	private static @Nullable BigDecimal decimal(@Nullable Number value) {
		return (value != null) ? new BigDecimal(value.toString()) : null;
	}

	private static Cause cause(List<Cause> causes, String name) {
		return causes.stream()
			.filter(cause -> cause.cause().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No cause " + name + " in " + causes));
	}

	private static double kg(List<Cause> causes, String name) {
		return cause(causes, name).kgCo2e();
	}

	private static double sum(List<Cause> causes) {
		return causes.stream().mapToDouble(Cause::kgCo2e).sum();
	}

}
