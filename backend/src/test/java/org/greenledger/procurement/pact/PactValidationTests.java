package org.greenledger.procurement.pact;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.greenledger.procurement.pact.PactFixtures.errors;
import static org.greenledger.procurement.pact.PactFixtures.text;
import static org.greenledger.procurement.pact.PactFixtures.v2With;
import static org.greenledger.procurement.pact.PactFixtures.v3With;

class PactValidationTests {

	@Test
	void reportsEveryErrorOfEveryFootprintWithItsPath() {
		List<String> errors = errors(text("invalid-many.json"));

		assertThat(errors).containsExactly("$[0].id: must be a UUID, not 'not-a-uuid'",
				"$[0].version: must be an integer from 0 to 2147483647, not \"1\"",
				"$[0].created: must be an ISO 8601 date-time with a time zone (e.g. 2024-01-01T00:00:00Z), not '2024-02-01'",
				"$[0].companyName: must not be empty",
				"$[0].companyIds[0]: must be a URN (urn:<namespace>:<id>), not 'lei:5299000EXAMPLE000001'",
				"$[0].productIds: must not be empty",
				"$[0].pcf.declaredUnit: 'barrel' is not a declared unit of spec 2.x",
				"$[0].pcf.unitaryProductAmount: must be a positive decimal string",
				"$[0].pcf.pCfExcludingBiogenic: must be a non-negative decimal string (e.g. \"1.5\"), not a number",
				"$[0].pcf.fossilGhgEmissions: must be a non-negative decimal string",
				"$[0].pcf.referencePeriodEnd: must be after referencePeriodStart",
				"$[0].pcf.characterizationFactors: must be AR5 or AR6, not 'AR4'",
				"$[0].pcf.exemptedEmissionsPercent: must be a JSON number between 0 and 5, not a string",
				"$[1].specVersion: unknown spec version '4.0.0'; supported are 2.x and 3.x",
				"$[2].status: must be Active or Deprecated, not 'Retired'",
				"$[2].pcf.pcfExcludingBiogenicUptake: must be a non-negative decimal string, not '1,5'",
				"$[2].pcf.pcfIncludingBiogenicUptake: is required",
				"$[2].pcf.geographyCountry: at most one of geographyRegionOrSubregion, geographyCountry and geographyCountrySubdivision may be given",
				"$[2].pcf.ipccCharacterizationFactors: must not be empty",
				"$[2].validityPeriodEnd: must be after validityPeriodStart");
	}

	@Test
	void exceptionNamesTheFileAndTheFirstErrors() {
		PactValidationException ex = org.assertj.core.api.Assertions.catchThrowableOfType(PactValidationException.class,
				() -> PactReader.read("supplier.json", stream(text("invalid-many.json"))));

		assertThat(ex.fileName()).isEqualTo("supplier.json");
		assertThat(ex.getMessage()).startsWith("supplier.json: 20 errors; $[0].id: must be a UUID").endsWith("; ...");
	}

	@Test
	void reportsMissingRequiredFieldsOfV2() {
		List<String> errors = errors("{\"specVersion\": \"2.2.0\", \"pcf\": {}}");

		assertThat(errors).containsExactly("$.id: is required", "$.version: is required", "$.created: is required",
				"$.status: is required", "$.companyName: is required", "$.companyIds: is required",
				"$.productDescription: is required", "$.productIds: is required", "$.productCategoryCpc: is required",
				"$.productNameCompany: is required", "$.comment: is required", "$.pcf.declaredUnit: is required",
				"$.pcf.unitaryProductAmount: is required", "$.pcf.pCfExcludingBiogenic: is required",
				"$.pcf.fossilGhgEmissions: is required", "$.pcf.referencePeriodStart: is required",
				"$.pcf.referencePeriodEnd: is required", "$.pcf.characterizationFactors: is required",
				"$.pcf.exemptedEmissionsPercent: is required");
	}

	@Test
	void reportsMissingRequiredFieldsOfV3() {
		List<String> errors = errors("{\"data\": [{\"specVersion\": \"3.0.0\", \"pcf\": {}}]}");

		assertThat(errors)
			.contains("$.data[0].pcf.declaredUnitOfMeasurement: is required",
					"$.data[0].pcf.declaredUnitAmount: is required",
					"$.data[0].pcf.productMassPerDeclaredUnit: is required",
					"$.data[0].pcf.pcfExcludingBiogenicUptake: is required",
					"$.data[0].pcf.pcfIncludingBiogenicUptake: is required",
					"$.data[0].pcf.fossilCarbonContent: is required",
					"$.data[0].pcf.ipccCharacterizationFactors: is required")
			.doesNotContain("$.data[0].version: is required", "$.data[0].comment: is required",
					"$.data[0].productCategoryCpc: is required");
	}

	@Test
	void missingOrMalformedSpecVersionIsTheOnlyErrorOfThatFootprint() {
		assertThat(errors("{\"id\": \"x\"}")).containsExactly("$.specVersion: is required");
		assertThat(errors("{\"specVersion\": \"v2\"}"))
			.containsExactly("$.specVersion: must be a version like 2.2.0 or 3.0.0, not 'v2'");
		assertThat(errors("{\"specVersion\": 2}")).containsExactly("$.specVersion: must be a string, not a number");
	}

	@Test
	void unitsOfSpec3AreRefusedInSpec2() {
		assertThat(errors(v2With("\"kilogram\"", "\"hour\"")))
			.containsExactly("$.pcf.declaredUnit: 'hour' is not a declared unit of spec 2.x");
		assertThat(errors(v2With("\"kilogram\"", "\"piece\"")))
			.containsExactly("$.pcf.declaredUnit: 'piece' is not a declared unit of spec 2.x");
		assertThat(errors(v3With("\"hour\"", "\"Hour\"")))
			.containsExactly("$.pcf.declaredUnitOfMeasurement: 'Hour' is not a declared unit of spec 3.x");
	}

	@Test
	void v2NamesAreNotReadInV3() {
		assertThat(errors(v3With("declaredUnitOfMeasurement", "declaredUnit")))
			.containsExactly("$.pcf.declaredUnitOfMeasurement: is required");
	}

	@Test
	void decimalsMustBeStringsAndPercentagesNumbersAsEachVersionSays() {
		assertThat(errors(v3With("\"primaryDataShare\": \"62.5\"", "\"primaryDataShare\": 62.5")))
			.containsExactly("$.pcf.primaryDataShare: must be a percentage (0 to 100) decimal string (e.g. \"1.5\"), "
					+ "not a number");
		assertThat(errors(v3With("\"primaryDataShare\": \"62.5\"", "\"primaryDataShare\": \"101\"")))
			.containsExactly("$.pcf.primaryDataShare: must be a percentage (0 to 100) decimal string");
		assertThat(errors(v2With("\"primaryDataShare\": 35.5", "\"primaryDataShare\": \"35.5\"")))
			.containsExactly("$.pcf.primaryDataShare: must be a JSON number between 0 and 100, not a string");
		assertThat(errors(v2With("\"declaredUnit\": \"kilogram\"",
				"\"declaredUnit\": \"kilogram\", \"pCfIncludingBiogenic\": \"\"")
			.replace("\"pCfIncludingBiogenic\": \"42.5\",", "")))
			.containsExactly("$.pcf.pCfIncludingBiogenic: must be a decimal string, not ''");
	}

	@Test
	void dqiRatingsAreCheckedPerVersion() {
		assertThat(errors(v2With("\"temporalDQR\": 2", "\"temporalDQR\": 4")))
			.containsExactly("$.pcf.dqi.temporalDQR: must be between 1 and 3, not 4");
		assertThat(errors(v3With("\"temporalDQR\": \"1\"", "\"temporalDQR\": \"6\"")))
			.containsExactly("$.pcf.dqi.temporalDQR: must be between 1 and 5, not 6");
		assertThat(errors(v3With("\"dqi\": {", "\"dqi\": 3, \"x\": {")))
			.containsExactly("$.pcf.dqi: must be an object, not a number");
	}

	@Test
	void validityPeriodNeedsBothEndsAndStartsAfterTheReferencePeriod() {
		assertThat(errors(v2With("\"validityPeriodEnd\": \"2026-12-31T00:00:00Z\",", "")))
			.containsExactly("$.validityPeriodEnd: is required when the other end of the validity period is given");
		assertThat(errors(v2With("\"validityPeriodStart\": \"2024-01-01T00:00:00Z\"",
				"\"validityPeriodStart\": \"2023-06-01T00:00:00Z\"")))
			.containsExactly("$.validityPeriodStart: must not be before pcf.referencePeriodEnd");
	}

	@Test
	void geographyValuesAreChecked() {
		assertThat(errors(v3With("\"geographyCountry\": \"NL\"", "\"geographyCountry\": \"Netherlands\"")))
			.containsExactly("$.pcf.geographyCountry: must be an ISO 3166-1 alpha-2 code (e.g. DE), not 'Netherlands'");
		assertThat(errors(v3With("\"geographyCountry\": \"NL\"", "\"geographyRegionOrSubregion\": \"Benelux\"")))
			.containsExactly("$.pcf.geographyRegionOrSubregion: 'Benelux' is not a UN M49 region or subregion name");
	}

	@Test
	void urnsMustBeDistinctAndIdsUnique() {
		assertThat(errors(v3With("\"urn:lei:5299000EXAMPLE000003\"",
				"\"urn:lei:5299000EXAMPLE000003\", \"urn:lei:5299000EXAMPLE000003\"")))
			.containsExactly("$.companyIds[1]: duplicate 'urn:lei:5299000EXAMPLE000003'");
		String footprint = text("v3-it-service.json");
		assertThat(errors("[" + footprint + "," + footprint + "]")).containsExactly("$[1].id: duplicate of $[0].id");
	}

	@Test
	void zeroAmountAndNegativeFootprintAreRefused() {
		assertThat(errors(v3With("\"declaredUnitAmount\": \"10\"", "\"declaredUnitAmount\": \"0.0\"")))
			.containsExactly("$.pcf.declaredUnitAmount: must be a positive decimal string");
		assertThat(errors(v3With("\"pcfExcludingBiogenicUptake\": \"25.0\"", "\"pcfExcludingBiogenicUptake\": \"-1\"")))
			.containsExactly("$.pcf.pcfExcludingBiogenicUptake: must be a non-negative decimal string");
		assertThat(errors(
				v3With("\"pcfExcludingBiogenicUptake\": \"25.0\"", "\"pcfExcludingBiogenicUptake\": \"1e999999\"")))
			.containsExactly("$.pcf.pcfExcludingBiogenicUptake: must be a non-negative decimal string, not '1e999999'");
	}

	@Test
	void refusesDocumentsThatAreNotFootprints() {
		assertThat(errors("")).containsExactly("$: the document is empty");
		assertThat(errors("[]")).containsExactly("$: contains no product footprint");
		assertThat(errors("{\"data\": []}")).containsExactly("$.data: contains no product footprint");
		assertThat(errors("\"text\""))
			.containsExactly("$: must be a ProductFootprint object or an array of them, " + "not a string");
		assertThat(errors("{\"data\": 1}"))
			.containsExactly("$.data: must be a ProductFootprint object or an array " + "of them, not a number");
		assertThat(errors("[1]")).containsExactly("$[0]: must be a ProductFootprint object, not a number");
	}

	@Test
	void refusesMalformedJsonWithItsLocation() {
		assertThat(errors("{\"specVersion\": \"3.0.0\",\n  oops}")).singleElement()
			.asString()
			.startsWith("$: not valid JSON at line 2, column ");
		assertThat(errors(text("v3-it-service.json") + " {}")).singleElement()
			.asString()
			.startsWith("$: not valid JSON");
		assertThat(errors("{\"specVersion\": \"3.0.0\", \"specVersion\": \"2.0.0\"}")).singleElement()
			.asString()
			.contains("an object has the key 'specVersion' twice");
	}

	@Test
	void enforcesNestingAndStringLimits() {
		String deep = "[".repeat(PactReader.MAX_NESTING_DEPTH + 1) + "]".repeat(PactReader.MAX_NESTING_DEPTH + 1);
		assertThat(errors(deep)).singleElement()
			.asString()
			.startsWith("$: not valid JSON")
			.contains("nested more than 32 levels deep");
		String longText = "x".repeat(PactReader.MAX_STRING_LENGTH + 1);
		assertThat(errors(v3With("\"productDescription\": \"Managed", "\"productDescription\": \"" + longText)))
			.singleElement()
			.asString()
			.startsWith("$: not valid JSON")
			.contains("a string is longer than 100000 characters");
	}

	@Test
	void enforcesTheFootprintCount() {
		String many = "[" + "{},".repeat(PactReader.MAX_FOOTPRINTS) + "{}]";
		assertThat(errors(many)).containsExactly("$: contains 10001 product footprints; at most 10000 are read");
	}

	@Test
	void enforcesTheDocumentSizeWithoutReadingFurther() {
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return ' ';
			}
		};
		assertThatExceptionOfType(PactValidationException.class).isThrownBy(() -> PactReader.read("big.json", endless))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(PactError::toString)
				.containsExactly("$: the document is larger than 10485760 bytes"));
	}

	@Test
	void capsTheNumberOfErrors() {
		String many = "[" + "1,".repeat(PactReader.MAX_ERRORS + 10) + "1]";
		List<String> errors = errors(many);
		assertThat(errors).hasSize(PactReader.MAX_ERRORS + 1)
			.last()
			.isEqualTo("$: more than 1000 errors; the rest are not listed");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
