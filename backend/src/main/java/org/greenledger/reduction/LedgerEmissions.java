package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.inventory.GhgInventory;
import org.greenledger.inventory.InventoryFigures;
import org.springframework.stereotype.Component;

/**
 * A year's emissions as a target counts them, read from the GHG inventory's figures (the
 * same as the footprint API and the GHG inventory report): Scope 1 and 2 from the sites'
 * meters, Scope 3 from the cloud lines, on the target's basis.
 */
@Component
class LedgerEmissions {

	private final InventoryFigures inventory;

	LedgerEmissions(InventoryFigures inventory) {
		this.inventory = inventory;
	}

	YearEmissions year(int year, List<TargetScope> scopes, Basis basis, boolean includeEmbodied,
			@Nullable String orgUnit) {
		GhgInventory figures = this.inventory.inventory(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), orgUnit);
		boolean market = basis == Basis.MARKET;
		double scope1 = scopes.contains(TargetScope.SCOPE_1) ? figures.scope1Kg() : 0;
		double scope2 = scopes.contains(TargetScope.SCOPE_2)
				? (market ? figures.scope2MarketKg() : figures.scope2LocationKg()) : 0;
		double scope3 = scopes.contains(TargetScope.SCOPE_3)
				? (market ? figures.scope3Category1MarketKg() : figures.scope3Category1LocationKg())
						+ (includeEmbodied ? figures.scope3Category1EmbodiedKg() : 0)
				: 0;
		boolean recorded = !figures.bySite().isEmpty() || figures.cloudFacilityKwh() != 0
				|| figures.scope3Category1LocationKg() != 0 || figures.scope3Category1EmbodiedKg() != 0;
		return new YearEmissions(year, scope1, scope2, scope3, recorded);
	}

	YearEmissions year(int year, Target target) {
		return year(year, target.scopes(), target.basis(), target.includeEmbodied(), target.orgUnit());
	}

	/**
	 * A year's emissions per scope in kg CO2e.
	 *
	 * @param recorded whether the ledger holds any figure of the year (a year without one
	 * has no actual)
	 */
	record YearEmissions(int year, double scope1Kg, double scope2Kg, double scope3Kg, boolean recorded) {

		double totalKg() {
			return this.scope1Kg + this.scope2Kg + this.scope3Kg;
		}

	}

}
