package org.greenledger.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored evaluation: per candidate the projected footprint of the workload, the
 * supplier's score, and the ranking.
 *
 * @param ranking candidates ordered by projected CO2e (market-based operational plus
 * embodied), ties by the higher score
 */
public record EvaluationResult(UUID id, String name, String methodology, int methodologyVersion,
		EvaluationRequest request, List<CandidateResult> candidates, List<String> ranking, Instant createdAt,
		String createdBy) {

	/**
	 * One candidate's projection, with the factors used.
	 *
	 * @param rank 1 for the lowest projected CO2e
	 */
	public record CandidateResult(String label, UUID supplierId, String supplier, String location, double itKwh,
			double facilityKwh, double co2eLocationKg, double co2eMarketKg, double co2eEmbodiedKg,
			double waterOnSiteLitres, double waterOffSiteLitres, SupplierScore score, int rank, List<String> factors) {

		public double co2eRankingKg() {
			return this.co2eMarketKg + this.co2eEmbodiedKg;
		}

		/** Water on and off site, litres. */
		public double waterLitres() {
			return this.waterOnSiteLitres + this.waterOffSiteLitres;
		}

		/** The same projection under another label. */
		CandidateResult labelled(String other) {
			return new CandidateResult(other, this.supplierId, this.supplier, this.location, this.itKwh,
					this.facilityKwh, this.co2eLocationKg, this.co2eMarketKg, this.co2eEmbodiedKg,
					this.waterOnSiteLitres, this.waterOffSiteLitres, this.score, this.rank, this.factors);
		}

	}

}
