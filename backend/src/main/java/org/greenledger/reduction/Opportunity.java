package org.greenledger.reduction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.FactorReference;

/**
 * A quantified reduction opportunity: what to change, the emissions it concerns, what it
 * would save, and the ledger rows and factors the figures rest on.
 *
 * @param kind what kind of change
 * @param subject what it is about, with links to it
 * @param currentKgCo2e the emissions the change concerns, as the ledger holds them
 * @param savingKgCo2e the expected saving
 * @param savingRange a cautious and a favourable estimate of the saving
 * @param costImpact the change in cost where the bill allows it (negative: cheaper), or
 * null
 * @param confidence HIGH, MEDIUM or LOW
 * @param assumptions what the figures assume, in words
 * @param evidence the rows, factors and figures behind it
 */
public record Opportunity(OpportunityKind kind, Subject subject, double currentKgCo2e, double savingKgCo2e,
		Range savingRange, @Nullable CostImpact costImpact, Confidence confidence, List<String> assumptions,
		Evidence evidence) {

	public Opportunity {
		assumptions = List.copyOf(assumptions);
	}

	/** How sure the figure is. */
	public enum Confidence {

		HIGH, MEDIUM, LOW

	}

	/**
	 * What an opportunity is about.
	 *
	 * @param type workload, account, service, region, site, resource or model
	 * @param name its name as the ledger holds it
	 * @param attributes further attributes (provider, region, recommended region)
	 * @param links where to see it
	 */
	public record Subject(String type, String name, Map<String, String> attributes, List<Link> links) {

		public Subject {
			attributes = Map.copyOf(attributes);
			links = List.copyOf(links);
		}

	}

	/** A link: what it shows and where. */
	public record Link(String rel, String href) {
	}

	/** Low and high estimate of a saving in kg CO2e. */
	public record Range(double lowKgCo2e, double highKgCo2e) {
	}

	/**
	 * A change of cost.
	 *
	 * @param amount the difference (negative: cheaper)
	 * @param basis how it was estimated
	 */
	public record CostImpact(BigDecimal amount, String currency, String basis) {
	}

	/**
	 * What an opportunity rests on.
	 *
	 * @param ledgerLines activity lines (job and row) of the usage concerned, the first
	 * of them
	 * @param factors the factors used, with dataset, version and source
	 * @param figures the intermediate figures (kWh, intensities, hours)
	 * @param telemetry rows of telemetry uploads the opportunity rests on (CPU
	 * utilization datapoints), the first of them; empty for the other kinds
	 */
	public record Evidence(List<LineRef> ledgerLines, List<FactorReference> factors, Map<String, Double> figures,
			@Nullable List<LineRef> telemetry) {

		public Evidence {
			ledgerLines = List.copyOf(ledgerLines);
			factors = List.copyOf(factors);
			figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
			// adoptions stored before telemetry was part of the evidence have none
			telemetry = (telemetry != null) ? List.copyOf(telemetry) : List.of();
		}

		/** Evidence without telemetry rows. */
		public Evidence(List<LineRef> ledgerLines, List<FactorReference> factors, Map<String, Double> figures) {
			this(ledgerLines, factors, figures, List.of());
		}

	}

	/**
	 * A row of an upload and where to see it: an activity line of the ledger (its
	 * lineage) or a telemetry datapoint (its upload).
	 */
	public record LineRef(UUID jobId, long row, String href) {
	}

}
