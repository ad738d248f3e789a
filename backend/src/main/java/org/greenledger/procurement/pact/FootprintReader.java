package org.greenledger.procurement.pact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.procurement.pact.Fields.Bound;

/**
 * Reads and validates one {@code ProductFootprint} JSON object of spec 2.x or 3.x. All
 * problems go to {@link Problems}; a footprint is only returned when it has none.
 */
final class FootprintReader {

	private static final Pattern SPEC_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-\\d{8})?");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

	private static final Pattern IPCC_REPORT = Pattern.compile("AR\\d+");

	/** UN M49 regions and subregions allowed in {@code geographyRegionOrSubregion}. */
	private static final Set<String> REGIONS = Set.of("Africa", "Americas", "Asia", "Europe", "Oceania",
			"Australia and New Zealand", "Central Asia", "Eastern Asia", "Eastern Europe",
			"Latin America and the Caribbean", "Melanesia", "Micronesia", "Northern Africa", "Northern America",
			"Northern Europe", "Polynesia", "South-eastern Asia", "Southern Asia", "Southern Europe",
			"Sub-Saharan Africa", "Western Asia", "Western Europe");

	private static final List<String> DQI_NAMES = List.of("coveragePercent", "technologicalDQR", "temporalDQR",
			"geographicalDQR", "completenessDQR", "reliabilityDQR");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private FootprintReader() {
	}

	static @Nullable ProductFootprint read(JsonNode node, String path, Problems problems) {
		if (!node.isObject()) {
			problems.error(path, "must be a ProductFootprint object, not " + Fields.typeOf(node));
			return null;
		}
		int errorsBefore = problems.errorCount();
		Fields pf = new Fields(node, path, problems);
		String specVersion = pf.string("specVersion", true);
		PactSpec spec = (specVersion != null) ? spec(specVersion, pf) : null;
		if (spec == null) {
			// Without a known version the field names are unknown: report only this.
			return null;
		}
		boolean v2 = spec == PactSpec.V2;
		UUID id = uuid(pf);
		Integer version = pf.integer("version", v2);
		Instant created = pf.dateTime("created", true);
		Instant updated = pf.dateTime("updated", false);
		ProductFootprint.Status status = status(pf, problems);
		Instant validityStart = pf.dateTime("validityPeriodStart", false);
		Instant validityEnd = pf.dateTime("validityPeriodEnd", false);
		String companyName = pf.nonEmptyString("companyName", true);
		List<String> companyIds = pf.urns("companyIds", true);
		String productDescription = pf.string("productDescription", true);
		List<String> productIds = pf.urns("productIds", true);
		String cpc = pf.nonEmptyString("productCategoryCpc", v2);
		List<String> classifications = pf.has("productClassifications") ? pf.urns("productClassifications", false)
				: List.of();
		String productName = pf.nonEmptyString("productNameCompany", true);
		pf.string("comment", v2);
		Fields pcf = pf.object("pcf", true);
		Carbon carbon = (pcf != null) ? carbon(pcf, spec) : null;

		if (validityStart != null && validityEnd != null && !validityEnd.isAfter(validityStart)) {
			pf.error("validityPeriodEnd", "must be after validityPeriodStart");
		}
		else if (pf.has("validityPeriodStart") != pf.has("validityPeriodEnd")) {
			pf.error(pf.has("validityPeriodStart") ? "validityPeriodEnd" : "validityPeriodStart",
					"is required when the other end of the validity period is given");
		}
		if (validityStart != null && carbon != null && validityStart.isBefore(carbon.referencePeriodEnd())) {
			pf.error("validityPeriodStart", "must not be before pcf.referencePeriodEnd");
		}
		if (problems.errorCount() != errorsBefore || id == null || created == null || status == null
				|| companyName == null || companyIds == null || productDescription == null || productIds == null
				|| classifications == null || productName == null || carbon == null) {
			return null;
		}
		if (status == ProductFootprint.Status.DEPRECATED) {
			problems.warning(pf.path("status"), "Deprecated: should not be used for new calculations");
		}
		return new ProductFootprint(id, specVersion, spec, version, created, updated, status, validityStart,
				validityEnd, companyName, companyIds, productDescription, productIds, cpc, classifications, productName,
				carbon.unit(), carbon.amount(), carbon.excluding(), carbon.including(), carbon.referencePeriodStart(),
				carbon.referencePeriodEnd(), carbon.geography(), carbon.primaryDataShare(), carbon.dqi(),
				carbon.characterizationFactors());
	}

	private static @Nullable PactSpec spec(String specVersion, Fields pf) {
		Matcher matcher = SPEC_VERSION.matcher(specVersion);
		if (!matcher.matches()) {
			pf.error("specVersion",
					"must be a version like 2.2.0 or 3.0.0, not '" + Fields.abbreviate(specVersion) + "'");
			return null;
		}
		return switch (matcher.group(1)) {
			case "2" -> PactSpec.V2;
			case "3" -> PactSpec.V3;
			default -> {
				pf.error("specVersion", "unknown spec version '" + specVersion + "'; supported are 2.x and 3.x");
				yield null;
			}
		};
	}

	private static @Nullable UUID uuid(Fields pf) {
		String text = pf.string("id", true);
		if (text == null) {
			return null;
		}
		if (!UUID_TEXT.matcher(text).matches()) {
			pf.error("id", "must be a UUID, not '" + Fields.abbreviate(text) + "'");
			return null;
		}
		return UUID.fromString(text);
	}

	private static ProductFootprint.@Nullable Status status(Fields pf, Problems problems) {
		String text = pf.string("status", true);
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "Active" -> ProductFootprint.Status.ACTIVE;
			case "Deprecated" -> ProductFootprint.Status.DEPRECATED;
			default -> {
				pf.error("status", "must be Active or Deprecated, not '" + Fields.abbreviate(text) + "'");
				yield null;
			}
		};
	}

	private static @Nullable Carbon carbon(Fields pcf, PactSpec spec) {
		boolean v2 = spec == PactSpec.V2;
		String unitName = v2 ? "declaredUnit" : "declaredUnitOfMeasurement";
		DeclaredUnit unit = unit(pcf, unitName, spec);
		BigDecimal amount = pcf.decimal(v2 ? "unitaryProductAmount" : "declaredUnitAmount", true, Bound.POSITIVE);
		pcf.decimal("productMassPerDeclaredUnit", !v2, Bound.NON_NEGATIVE);
		BigDecimal excluding = pcf.decimal(v2 ? "pCfExcludingBiogenic" : "pcfExcludingBiogenicUptake", true,
				Bound.NON_NEGATIVE);
		BigDecimal including = pcf.decimal(v2 ? "pCfIncludingBiogenic" : "pcfIncludingBiogenicUptake", !v2, Bound.ANY);
		pcf.decimal("fossilGhgEmissions", true, Bound.NON_NEGATIVE);
		pcf.decimal("fossilCarbonContent", !v2, Bound.NON_NEGATIVE);
		pcf.decimal("biogenicCarbonContent", false, Bound.NON_NEGATIVE);
		Instant start = pcf.dateTime("referencePeriodStart", true);
		Instant end = pcf.dateTime("referencePeriodEnd", true);
		if (start != null && end != null && !end.isAfter(start)) {
			pcf.error("referencePeriodEnd", "must be after referencePeriodStart");
			end = null;
		}
		Geography geography = geography(pcf);
		List<String> factors = characterizationFactors(pcf, spec);
		BigDecimal exempted = v2 ? pcf.number("exemptedEmissionsPercent", true, BigDecimal.ZERO, BigDecimal.valueOf(5))
				: pcf.decimal("exemptedEmissionsPercent", true, Bound.PERCENT);
		BigDecimal primaryDataShare = v2 ? pcf.number("primaryDataShare", false, BigDecimal.ZERO, HUNDRED)
				: pcf.decimal("primaryDataShare", false, Bound.PERCENT);
		Optional<Map<String, BigDecimal>> dqi = dqi(pcf, spec);
		if (unit == null || amount == null || excluding == null || (including == null && !v2) || start == null
				|| end == null || geography == null || factors == null || exempted == null || dqi == null) {
			return null;
		}
		return new Carbon(unit, amount, excluding, including, start, end, geography, primaryDataShare, dqi.orElse(null),
				factors);
	}

	private static @Nullable DeclaredUnit unit(Fields pcf, String name, PactSpec spec) {
		String text = pcf.string(name, true);
		if (text == null) {
			return null;
		}
		Optional<DeclaredUnit> unit = DeclaredUnit.ofPactName(text);
		if (unit.isEmpty() || !unit.get().allowedIn(spec)) {
			pcf.error(name, "'" + Fields.abbreviate(text) + "' is not a declared unit of spec "
					+ ((spec == PactSpec.V2) ? "2.x" : "3.x"));
			return null;
		}
		return unit.get();
	}

	private static @Nullable Geography geography(Fields pcf) {
		String region = pcf.string("geographyRegionOrSubregion", false);
		String country = pcf.string("geographyCountry", false);
		String subdivision = pcf.string("geographyCountrySubdivision", false);
		int defined = (pcf.has("geographyRegionOrSubregion") ? 1 : 0) + (pcf.has("geographyCountry") ? 1 : 0)
				+ (pcf.has("geographyCountrySubdivision") ? 1 : 0);
		if (defined > 1) {
			pcf.error("geographyCountry", "at most one of geographyRegionOrSubregion, geographyCountry and "
					+ "geographyCountrySubdivision may be given");
			return null;
		}
		if (region != null) {
			if (!REGIONS.contains(region)) {
				pcf.error("geographyRegionOrSubregion",
						"'" + Fields.abbreviate(region) + "' is not a UN M49 region or subregion name");
				return null;
			}
			return new Geography(Geography.Scope.REGION, region);
		}
		if (country != null) {
			if (!COUNTRY.matcher(country).matches()) {
				pcf.error("geographyCountry",
						"must be an ISO 3166-1 alpha-2 code (e.g. DE), not '" + Fields.abbreviate(country) + "'");
				return null;
			}
			return new Geography(Geography.Scope.COUNTRY, country);
		}
		if (subdivision != null) {
			if (!SUBDIVISION.matcher(subdivision).matches()) {
				pcf.error("geographyCountrySubdivision",
						"must be an ISO 3166-2 code (e.g. US-NY), not '" + Fields.abbreviate(subdivision) + "'");
				return null;
			}
			return new Geography(Geography.Scope.SUBDIVISION, subdivision);
		}
		return (defined == 0) ? Geography.GLOBAL : null;
	}

	/**
	 * 2.x: {@code characterizationFactors} ("AR5" or "AR6"), or from 2.2 on the list
	 * {@code ipccCharacterizationFactorsSources}; 3.x:
	 * {@code ipccCharacterizationFactors}.
	 */
	private static @Nullable List<String> characterizationFactors(Fields pcf, PactSpec spec) {
		if (spec == PactSpec.V3) {
			return reports(pcf, "ipccCharacterizationFactors", true);
		}
		boolean hasSingle = pcf.has("characterizationFactors");
		boolean hasList = pcf.has("ipccCharacterizationFactorsSources");
		if (!hasSingle && !hasList) {
			pcf.error("characterizationFactors", "is required");
			return null;
		}
		String single = hasSingle ? single(pcf) : null;
		List<String> list = hasList ? reports(pcf, "ipccCharacterizationFactorsSources", false) : null;
		if ((hasSingle && single == null) || (hasList && list == null)) {
			return null;
		}
		return (list != null) ? list : List.of(Objects.requireNonNull(single));
	}

	private static @Nullable String single(Fields pcf) {
		String factor = pcf.string("characterizationFactors", true);
		if (factor != null && !factor.equals("AR5") && !factor.equals("AR6")) {
			pcf.error("characterizationFactors", "must be AR5 or AR6, not '" + Fields.abbreviate(factor) + "'");
			return null;
		}
		return factor;
	}

	private static @Nullable List<String> reports(Fields pcf, String name, boolean required) {
		List<String> values = pcf.strings(name, required);
		if (values == null) {
			return null;
		}
		for (int i = 0; i < values.size(); i++) {
			if (!IPCC_REPORT.matcher(values.get(i)).matches()) {
				pcf.error(name + "[" + i + "]",
						"must name an IPCC assessment report like AR6, not '" + Fields.abbreviate(values.get(i)) + "'");
				return null;
			}
		}
		return values;
	}

	/**
	 * The data quality indicators: JSON numbers in 2.x (DQRs 1 to 3), decimal strings in
	 * 3.x (DQRs 1 to 5). Returns {@code null} on error, empty when not given.
	 */
	private static @Nullable Optional<Map<String, BigDecimal>> dqi(Fields pcf, PactSpec spec) {
		Fields dqi = pcf.object("dqi", false);
		if (dqi == null) {
			return pcf.has("dqi") ? null : Optional.empty();
		}
		BigDecimal maxRating = BigDecimal.valueOf((spec == PactSpec.V2) ? 3 : 5);
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		boolean valid = true;
		for (String name : DQI_NAMES) {
			if (!dqi.has(name)) {
				continue;
			}
			boolean coverage = name.equals("coveragePercent");
			BigDecimal min = coverage ? BigDecimal.ZERO : BigDecimal.ONE;
			BigDecimal max = coverage ? HUNDRED : maxRating;
			BigDecimal value;
			if (spec == PactSpec.V2) {
				value = dqi.number(name, false, min, max);
			}
			else {
				value = dqi.decimal(name, false, Bound.ANY);
				if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
					dqi.error(name, "must be between " + min + " and " + max + ", not " + value.toPlainString());
					value = null;
				}
			}
			if (value == null) {
				valid = false;
			}
			else {
				values.put(name, value);
			}
		}
		return valid ? Optional.of(values) : null;
	}

	/** The carbon footprint part, once valid. */
	private record Carbon(DeclaredUnit unit, BigDecimal amount, BigDecimal excluding, @Nullable BigDecimal including,
			Instant referencePeriodStart, Instant referencePeriodEnd, Geography geography,
			@Nullable BigDecimal primaryDataShare, @Nullable Map<String, BigDecimal> dqi,
			List<String> characterizationFactors) {

	}

}
