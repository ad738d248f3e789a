package org.greenledger.calculator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.Location;
import org.greenledger.factors.FactorScope;
import org.greenledger.factors.UserFactor;
import org.greenledger.factors.UserFactorLookup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request overrides win over the organisation's factor sets, which win over the shipped
 * library.
 */
class OverridePrecedenceTests {

	private static final Location FRANKFURT = new Location.CloudRegion("aws", "eu-central-1");

	private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

	private final LibraryFactorLookup library = new LibraryFactorLookup(TestFactorLibraries.shipped());

	private final UserFactorLookup organisation = new UserFactorLookup(this.library,
			List.of(factor(FactorScope.parse("provider:aws").orElseThrow(), 1.30, "fleet"),
					factor(FactorScope.parse("region:aws:eu-central-1").orElseThrow(), 1.25, "frankfurt"),
					factor(FactorScope.parse("organisation").orElseThrow(), 1.40, "everything")));

	@Test
	void theLibraryAnswersWhenNothingElseDoes() {
		assertThat(this.library.pue(FRANKFURT, DAY).reference().dataset()).isEqualTo("cloud-pue-wue");
	}

	@Test
	void theMostSpecificOrganisationValueWinsOverTheLibrary() {
		FactorReference pue = this.organisation.pue(FRANKFURT, DAY).reference();
		assertThat(pue.value()).isEqualTo(1.25);
		assertThat(pue.dataset()).isEqualTo("factor-set:frankfurt");
		assertThat(this.organisation.pue(new Location.CloudRegion("aws", "us-east-1"), DAY).reference().value())
			.isEqualTo(1.30);
		assertThat(this.organisation.pue(new Location.Country("DE"), DAY).reference().value()).isEqualTo(1.40);
		assertThat(this.organisation.pue(FRANKFURT, LocalDate.of(2025, 3, 1)).reference().dataset())
			.as("outside the sets' validity the library answers")
			.isEqualTo("cloud-pue-wue");
	}

	@Test
	void aRequestOverrideWinsOverEverything() {
		FactorLookup request = new OverridingFactorLookup(this.organisation,
				new EstimateRequest(List.of(), null, null, 1.05, null, null, null, null, null));
		FactorReference pue = request.pue(FRANKFURT, DAY).reference();
		assertThat(pue.value()).isEqualTo(1.05);
		assertThat(pue.dataset()).isEqualTo("request");
	}

	private static UserFactor factor(FactorScope scope, double pue, String set) {
		return new UserFactor(FactorKind.PUE, scope, pue, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "test",
				null, set, 1, Instant.EPOCH);
	}

}
