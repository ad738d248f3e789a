package org.greenledger.procurement.pact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One supplier product carbon footprint read from a PACT document, the same shape for
 * spec 2.x and 3.x. Emission values are kg CO2e as the document states them, per
 * <em>declared unit</em> in the sense of its spec version; use
 * {@link #kgCo2ePerDeclaredUnit()} for a value comparable across versions.
 *
 * @param id the footprint identifier ({@code id})
 * @param specVersion the spec version as written, e.g. {@code 2.2.0}
 * @param spec the major spec version
 * @param version the footprint version ({@code version}); mandatory in 2.x, optional in
 * 3.x
 * @param created when the footprint was created
 * @param updated when it was last updated, if ever
 * @param status {@code Active} or {@code Deprecated}
 * @param validityPeriodStart start (inclusive) of the validity period, if given
 * @param validityPeriodEnd end (exclusive) of the validity period, if given
 * @param companyName the data owner ({@code companyName})
 * @param companyIds URNs of the data owner ({@code companyIds})
 * @param productDescription free-form description ({@code productDescription})
 * @param productIds URNs of the product ({@code productIds})
 * @param productCategoryCpc UN CPC code ({@code productCategoryCpc}, 2.x), if given
 * @param productClassifications classification URNs ({@code productClassifications}),
 * possibly empty
 * @param productName trade name ({@code productNameCompany})
 * @param declaredUnit unit of measurement ({@code declaredUnit} in 2.x,
 * {@code declaredUnitOfMeasurement} in 3.x)
 * @param declaredAmount amount of that unit ({@code unitaryProductAmount} in 2.x,
 * {@code declaredUnitAmount} in 3.x), greater than zero
 * @param pcfExcludingBiogenic kg CO2e excluding biogenic emissions / uptake
 * ({@code pCfExcludingBiogenic} in 2.x, {@code pcfExcludingBiogenicUptake} in 3.x), per
 * declared unit of the spec version
 * @param pcfIncludingBiogenic kg CO2e including biogenic emissions / uptake, if given
 * @param referencePeriodStart start (inclusive) of the reference period
 * @param referencePeriodEnd end (exclusive) of the reference period
 * @param geography the geographic scope
 * @param primaryDataShare share of primary data in percent, if given
 * @param dqi data quality indicators by PACT name (e.g. {@code technologicalDQR}), if
 * given
 * @param characterizationFactors IPCC assessment reports used, e.g. {@code AR6}
 */
public record ProductFootprint(UUID id, String specVersion, PactSpec spec, @Nullable Integer version, Instant created,
		@Nullable Instant updated, Status status, @Nullable Instant validityPeriodStart,
		@Nullable Instant validityPeriodEnd, String companyName, List<String> companyIds, String productDescription,
		List<String> productIds, @Nullable String productCategoryCpc, List<String> productClassifications,
		String productName, DeclaredUnit declaredUnit, BigDecimal declaredAmount, BigDecimal pcfExcludingBiogenic,
		@Nullable BigDecimal pcfIncludingBiogenic, Instant referencePeriodStart, Instant referencePeriodEnd,
		Geography geography, @Nullable BigDecimal primaryDataShare, @Nullable Map<String, BigDecimal> dqi,
		List<String> characterizationFactors) {

	private static final Set<DeclaredUnit> SERVICE_UNITS = Set.of(DeclaredUnit.HOUR, DeclaredUnit.MEGABIT_SECOND,
			DeclaredUnit.KILOWATT_HOUR);

	private static final List<String> SERVICE_CPC_PREFIXES = List.of("83", "84");

	public ProductFootprint {
		companyIds = List.copyOf(companyIds);
		productIds = List.copyOf(productIds);
		productClassifications = List.copyOf(productClassifications);
		dqi = (dqi != null) ? Map.copyOf(dqi) : null;
		characterizationFactors = List.copyOf(characterizationFactors);
	}

	/** The lifecycle status of a footprint. */
	public enum Status {

		/** May be used by data recipients. */
		ACTIVE,

		/** Should not be used for new calculations. */
		DEPRECATED

	}

	/**
	 * kg CO2e (excluding biogenic) per one unit of {@link #declaredUnit()}, for example
	 * per 1 kilogram or per 1 hour. In spec 2.x the stated value already is per one unit
	 * (the product contains {@code unitaryProductAmount} of them), so it is returned as
	 * is. In spec 3.x the declared unit is {@code declaredUnitAmount} of the unit of
	 * measurement and the value refers to all of it, so it is divided by that amount.
	 * @return kg CO2e per one unit of measurement
	 */
	public BigDecimal kgCo2ePerDeclaredUnit() {
		if (this.spec == PactSpec.V2) {
			return this.pcfExcludingBiogenic;
		}
		return this.pcfExcludingBiogenic.divide(this.declaredAmount, MathContext.DECIMAL128);
	}

	/**
	 * kg CO2e (excluding biogenic) of the product the footprint describes, that is of
	 * {@link #declaredAmount()} units:
	 * {@code pCfExcludingBiogenic × unitaryProductAmount} in 2.x,
	 * {@code pcfExcludingBiogenicUptake} as stated in 3.x.
	 * @return kg CO2e of one product
	 */
	public BigDecimal kgCo2ePerProduct() {
		if (this.spec == PactSpec.V2) {
			return this.pcfExcludingBiogenic.multiply(this.declaredAmount);
		}
		return this.pcfExcludingBiogenic;
	}

	/**
	 * What the footprint is about: {@link FootprintKind#IT_SERVICE} when declared per
	 * hour, megabit second or kilowatt hour, or when the UN CPC code (from
	 * {@code productCategoryCpc} or a {@code un-cpc} / {@code cpc} classification URN)
	 * starts with 83 (professional and technical services, including IT) or 84
	 * (telecommunications and information services); {@link FootprintKind#HARDWARE}
	 * otherwise.
	 * @return the kind
	 */
	public FootprintKind kind() {
		if (SERVICE_UNITS.contains(this.declaredUnit)) {
			return FootprintKind.IT_SERVICE;
		}
		return cpcCodes().stream().anyMatch((code) -> SERVICE_CPC_PREFIXES.stream().anyMatch(code::startsWith))
				? FootprintKind.IT_SERVICE : FootprintKind.HARDWARE;
	}

	private List<String> cpcCodes() {
		List<String> fromClassifications = this.productClassifications.stream()
			.filter((urn) -> urn.toLowerCase(Locale.ROOT).contains("cpc:"))
			.map((urn) -> urn.substring(urn.lastIndexOf(':') + 1))
			.toList();
		if (this.productCategoryCpc == null) {
			return fromClassifications;
		}
		return Stream.concat(Stream.of(this.productCategoryCpc), fromClassifications.stream()).toList();
	}

}
