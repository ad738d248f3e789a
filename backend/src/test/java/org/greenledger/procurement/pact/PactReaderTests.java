package org.greenledger.procurement.pact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.procurement.pact.PactFixtures.read;
import static org.greenledger.procurement.pact.PactFixtures.readFixture;
import static org.greenledger.procurement.pact.PactFixtures.text;

class PactReaderTests {

	@Test
	void readsASingleV2Footprint() {
		PactDocument document = readFixture("v2-single.json");

		assertThat(document.warnings()).isEmpty();
		assertThat(document.footprints()).hasSize(1);
		ProductFootprint footprint = document.footprints().get(0);
		assertThat(footprint.id()).isEqualTo(UUID.fromString("3f1e2d4c-5b6a-4798-8a1b-2c3d4e5f6a7b"));
		assertThat(footprint.spec()).isEqualTo(PactSpec.V2);
		assertThat(footprint.specVersion()).isEqualTo("2.2.0");
		assertThat(footprint.version()).isEqualTo(2);
		assertThat(footprint.created()).isEqualTo(Instant.parse("2024-02-01T08:00:00Z"));
		assertThat(footprint.updated()).isEqualTo(Instant.parse("2024-03-15T10:30:00Z"));
		assertThat(footprint.status()).isEqualTo(ProductFootprint.Status.ACTIVE);
		assertThat(footprint.validityPeriodStart()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
		assertThat(footprint.validityPeriodEnd()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
		assertThat(footprint.companyName()).isEqualTo("Example Server Works GmbH");
		assertThat(footprint.companyIds()).containsExactly("urn:lei:5299000EXAMPLE000001",
				"urn:pact:company:customcode:buyer-assigned:sw-001");
		assertThat(footprint.productIds()).containsExactly("urn:gtin:4012345000017");
		assertThat(footprint.productCategoryCpc()).isEqualTo("4521");
		assertThat(footprint.productClassifications()).isEmpty();
		assertThat(footprint.productName()).isEqualTo("SW-1U-512");
		assertThat(footprint.declaredUnit()).isEqualTo(DeclaredUnit.KILOGRAM);
		assertThat(footprint.declaredAmount()).isEqualByComparingTo("18.5");
		assertThat(footprint.pcfExcludingBiogenic()).isEqualByComparingTo("42.75");
		assertThat(footprint.pcfIncludingBiogenic()).isEqualByComparingTo("42.5");
		assertThat(footprint.referencePeriodStart()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
		assertThat(footprint.referencePeriodEnd()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
		assertThat(footprint.geography()).isEqualTo(new Geography(Geography.Scope.COUNTRY, "DE"));
		assertThat(footprint.primaryDataShare()).isEqualByComparingTo("35.5");
		assertThat(footprint.dqi()).containsOnlyKeys("coveragePercent", "technologicalDQR", "temporalDQR",
				"geographicalDQR", "completenessDQR", "reliabilityDQR");
		assertThat(footprint.dqi().get("technologicalDQR")).isEqualByComparingTo("1.6");
		assertThat(footprint.characterizationFactors()).containsExactly("AR6");
		// 2.x: the value is per kilogram already; the 18.5 kg server is 18.5 times that
		assertThat(footprint.kgCo2ePerDeclaredUnit()).isEqualByComparingTo("42.75");
		assertThat(footprint.kgCo2ePerProduct()).isEqualByComparingTo("790.875");
		assertThat(footprint.kind()).isEqualTo(FootprintKind.HARDWARE);
	}

	@Test
	void readsAV2ListWithEachGeographyAndAWarningForDeprecated() {
		PactDocument document = readFixture("v2-list.json");

		assertThat(document.footprints()).hasSize(2);
		ProductFootprint cable = document.footprints().get(0);
		assertThat(cable.version()).isZero();
		assertThat(cable.geography()).isEqualTo(new Geography(Geography.Scope.REGION, "Western Europe"));
		assertThat(cable.characterizationFactors()).containsExactly("AR5");
		assertThat(cable.pcfIncludingBiogenic()).isNull();
		assertThat(cable.primaryDataShare()).isNull();
		assertThat(cable.dqi()).isNull();
		assertThat(cable.validityPeriodStart()).isNull();
		ProductFootprint power = document.footprints().get(1);
		assertThat(power.created()).isEqualTo(Instant.parse("2024-11-01T23:00:00Z"));
		assertThat(power.status()).isEqualTo(ProductFootprint.Status.DEPRECATED);
		assertThat(power.geography()).isEqualTo(new Geography(Geography.Scope.SUBDIVISION, "NO-03"));
		assertThat(power.declaredUnit()).isEqualTo(DeclaredUnit.KILOWATT_HOUR);
		assertThat(power.kind()).isEqualTo(FootprintKind.IT_SERVICE);
		assertThat(power.kgCo2ePerDeclaredUnit()).isEqualByComparingTo("0.024");
		assertThat(document.warnings()).extracting(PactError::toString)
			.containsExactly("$[1].status: Deprecated: should not be used for new calculations");
	}

	@Test
	void readsAV3ItServiceDeclaredPerHour() {
		ProductFootprint footprint = readFixture("v3-it-service.json").footprints().get(0);

		assertThat(footprint.spec()).isEqualTo(PactSpec.V3);
		assertThat(footprint.version()).isNull();
		assertThat(footprint.declaredUnit()).isEqualTo(DeclaredUnit.HOUR);
		assertThat(footprint.declaredAmount()).isEqualByComparingTo("10");
		assertThat(footprint.pcfExcludingBiogenic()).isEqualByComparingTo("25.0");
		assertThat(footprint.pcfIncludingBiogenic()).isEqualByComparingTo("25.0");
		assertThat(footprint.productClassifications()).containsExactly("urn:pact:productclassification:un-cpc:83159");
		assertThat(footprint.productCategoryCpc()).isNull();
		assertThat(footprint.characterizationFactors()).containsExactly("AR6");
		assertThat(footprint.primaryDataShare()).isEqualByComparingTo("62.5");
		assertThat(footprint.dqi()).containsOnlyKeys("technologicalDQR", "temporalDQR", "geographicalDQR");
		assertThat(footprint.geography()).isEqualTo(new Geography(Geography.Scope.COUNTRY, "NL"));
		// 3.x: 25 kg CO2e for the declared unit of 10 hours
		assertThat(footprint.kgCo2ePerDeclaredUnit()).isEqualByComparingTo("2.5");
		assertThat(footprint.kgCo2ePerProduct()).isEqualByComparingTo("25");
		assertThat(footprint.kind()).isEqualTo(FootprintKind.IT_SERVICE);
	}

	@Test
	void readsAnApiListResponseMixingVersions() {
		PactDocument document = readFixture("api-list-response.json");

		assertThat(document.footprints()).extracting(ProductFootprint::spec).containsExactly(PactSpec.V3, PactSpec.V2);
		ProductFootprint shelf = document.footprints().get(0);
		assertThat(shelf.declaredUnit()).isEqualTo(DeclaredUnit.PIECE);
		assertThat(shelf.version()).isEqualTo(1);
		assertThat(shelf.geography()).isEqualTo(Geography.GLOBAL);
		assertThat(shelf.characterizationFactors()).containsExactly("AR6", "AR5");
		assertThat(shelf.kgCo2ePerDeclaredUnit()).isEqualByComparingTo("1250.4");
		assertThat(shelf.kind()).isEqualTo(FootprintKind.HARDWARE);
		ProductFootprint rails = document.footprints().get(1);
		assertThat(rails.kgCo2ePerDeclaredUnit()).isEqualByComparingTo("2.5");
		assertThat(rails.kgCo2ePerProduct()).isEqualByComparingTo("10");
	}

	@Test
	void readsAnApiGetResponseWithOneFootprint() {
		PactDocument document = read("{\"data\": " + text("v3-it-service.json") + "}");

		assertThat(document.footprints()).singleElement()
			.extracting(ProductFootprint::productName)
			.isEqualTo("GPU 8x instance");
	}

	@Test
	void v3AmountDivisionKeepsPrecision() {
		ProductFootprint footprint = read(
				PactFixtures.v3With("\"declaredUnitAmount\": \"10\"", "\"declaredUnitAmount\": \"3\""))
			.footprints()
			.get(0);

		assertThat(footprint.kgCo2ePerDeclaredUnit().multiply(BigDecimal.valueOf(3))).isCloseTo(new BigDecimal("25"),
				org.assertj.core.data.Offset.offset(new BigDecimal("1e-30")));
	}

	@Test
	void serviceCpcCodeMakesAPieceFootprintAnItService() {
		ProductFootprint footprint = read(PactFixtures.v3With("\"hour\"", "\"piece\"")).footprints().get(0);

		assertThat(footprint.declaredUnit()).isEqualTo(DeclaredUnit.PIECE);
		assertThat(footprint.kind()).isEqualTo(FootprintKind.IT_SERVICE);
	}

	@Test
	void acceptsV3DecimalsWithExponentAndPlusSign() {
		ProductFootprint footprint = read(PactFixtures.v3With("\"pcfExcludingBiogenicUptake\": \"25.0\"",
				"\"pcfExcludingBiogenicUptake\": \"+2.5e1\""))
			.footprints()
			.get(0);

		assertThat(footprint.pcfExcludingBiogenic()).isEqualByComparingTo("25");
	}

}
