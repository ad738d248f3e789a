package org.greenledger.reduction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.procurement.EvaluationRequest;
import org.greenledger.procurement.EvaluationResult;
import org.greenledger.procurement.Evaluations;
import org.springframework.stereotype.Component;

/**
 * {@code SUPPLIER_SWITCH}: a procurement evaluation's best-ranked candidate against the
 * current supply of the evaluated workload. The current supply is the candidate in whose
 * provider region the ledger holds the most location-based emissions over the
 * evaluation's period; the saving is the difference of the two candidates' projections on
 * the evaluation's ranking basis (market-based operational plus embodied), for the part
 * of the evaluation's period inside the period asked for.
 */
@Component
class SupplierSwitches implements OpportunityFinder {

	/** How many of the latest evaluations are looked at. */
	static final int EVALUATIONS = 50;

	private final Evaluations evaluations;

	private final FootprintQuery footprint;

	private final LedgerEvidence evidence;

	SupplierSwitches(Evaluations evaluations, FootprintQuery footprint, LedgerEvidence evidence) {
		this.evaluations = evaluations;
		this.footprint = footprint;
		this.evidence = evidence;
	}

	@Override
	public OpportunityKind kind() {
		return OpportunityKind.SUPPLIER_SWITCH;
	}

	/**
	 * The location-based emissions the ledger holds in the current supply's region; after
	 * the switch, plus the recommended candidate's projected emissions per day (its usage
	 * need not be in the ledger: a colocation supplier's bill is not).
	 */
	@Override
	public double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted) {
		Map<String, String> attributes = subject.attributes();
		double kg = this.footprint
			.query(period.from(), period.to(), Optional.empty(),
					period.lines(attributes.get("currentProvider"), attributes.get("currentRegion")))
			.stream()
			.mapToDouble(FootprintQuery.Group::locationKg)
			.sum();
		if (adopted) {
			double days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
			kg += Double.parseDouble(attributes.get("recommendedLocationKgPerDay")) * days;
		}
		return kg;
	}

	@Override
	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> found = new ArrayList<>();
		for (EvaluationResult evaluation : this.evaluations.recent(EVALUATIONS, query.scope())) {
			EvaluationRequest.Workload workload = evaluation.request().workload();
			if (workload == null || workload.from() == null || workload.to() == null
					|| workload.to().isBefore(query.from()) || workload.from().isAfter(query.to())
					|| !query.orgUnits().isEmpty() && (evaluation.request().orgUnit() == null
							|| !query.orgUnits().contains(evaluation.request().orgUnit()))) {
				continue;
			}
			switchTo(query, evaluation, workload.from(), workload.to()).ifPresent(found::add);
		}
		return found;
	}

	private Optional<Opportunity> switchTo(OpportunityQuery query, EvaluationResult evaluation, LocalDate from,
			LocalDate to) {
		List<EvaluationRequest.Candidate> offers = evaluation.request().candidates();
		if (offers == null || offers.size() != evaluation.candidates().size()) {
			return Optional.empty();
		}
		// the current supply: the candidate region where the ledger holds the most
		Current current = null;
		for (int i = 0; i < offers.size(); i++) {
			EvaluationRequest.Candidate offer = offers.get(i);
			if (offer.provider() == null || offer.region() == null) {
				continue;
			}
			String provider = offer.provider().strip().toLowerCase(Locale.ROOT);
			LedgerFilter lines = query.lines(provider, offer.region().strip());
			double kg = this.footprint.query(from, to, Optional.empty(), lines)
				.stream()
				.mapToDouble(FootprintQuery.Group::locationKg)
				.sum();
			if (kg > 0 && (current == null || kg > current.ledgerKg())) {
				current = new Current(evaluation.candidates().get(i), provider, offer.region().strip(), lines, kg);
			}
		}
		if (current == null) {
			return Optional.empty();
		}
		EvaluationResult.CandidateResult now = current.candidate();
		EvaluationResult.CandidateResult best = evaluation.candidates()
			.stream()
			.min(Comparator.comparingInt(EvaluationResult.CandidateResult::rank))
			.orElseThrow();
		double share = overlapDays(query, from, to) / (double) (to.toEpochDay() - from.toEpochDay() + 1);
		double saving = (now.co2eRankingKg() - best.co2eRankingKg()) * share;
		if (best == now || saving <= 0) {
			return Optional.empty();
		}
		double locationSaving = (now.co2eLocationKg() + now.co2eEmbodiedKg() - best.co2eLocationKg()
				- best.co2eEmbodiedKg()) * share;
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("periodShare", share);
		figures.put("currentProjectedKgCo2e", now.co2eRankingKg());
		figures.put("bestProjectedKgCo2e", best.co2eRankingKg());
		figures.put("currentLocationKgCo2e", now.co2eLocationKg());
		figures.put("bestLocationKgCo2e", best.co2eLocationKg());
		figures.put("ledgerKgCo2eInCurrentRegion", current.ledgerKg());
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("evaluation", evaluation.id().toString());
		attributes.put("currentSupplier", now.supplier());
		attributes.put("currentCandidate", now.label() + " (" + now.location() + ")");
		attributes.put("recommendedSupplier", best.supplier());
		attributes.put("recommendedCandidate", best.label() + " (" + best.location() + ")");
		attributes.put("currentProvider", current.provider());
		attributes.put("currentRegion", current.region());
		attributes.put("recommendedLocationKgPerDay",
				String.valueOf(best.co2eLocationKg() / (to.toEpochDay() - from.toEpochDay() + 1)));
		List<String> assumptions = List.of(
				"The workload of evaluation '" + evaluation.name() + "' (" + from + " to " + to + ") runs with "
						+ best.supplier() + " (" + best.label() + ", ranked first) instead of " + now.supplier() + " ("
						+ now.label() + "), each as the evaluation projected it with the"
						+ " engine (market-based operational plus embodied, its ranking basis).",
				"The current supply is the candidate in whose region (" + now.location()
						+ ") the ledger holds the most emissions over the evaluation's period.",
				"Figures are the evaluation's projection for " + Math.round(share * 100)
						+ "% of its period (the part inside the period asked for); range: location-based to"
						+ " market-based difference.",
				"Factors of the recommended candidate: " + String.join("; ", best.factors()));
		double low = Math.max(0, Math.min(saving, locationSaving));
		double high = Math.max(saving, locationSaving);
		return Optional.of(new Opportunity(OpportunityKind.SUPPLIER_SWITCH,
				new Opportunity.Subject("workload", evaluation.name(), attributes,
						List.of(new Opportunity.Link("evaluation", "/evaluations/" + evaluation.id()))),
				now.co2eRankingKg() * share, saving, new Opportunity.Range(low, high), null,
				Opportunity.Confidence.MEDIUM, assumptions,
				new Opportunity.Evidence(this.evidence.lines(query, current.lines()), List.of(), figures)));
	}

	private static long overlapDays(OpportunityQuery query, LocalDate from, LocalDate to) {
		LocalDate start = from.isAfter(query.from()) ? from : query.from();
		LocalDate end = to.isBefore(query.to()) ? to : query.to();
		return end.toEpochDay() - start.toEpochDay() + 1;
	}

	private record Current(EvaluationResult.CandidateResult candidate, String provider, String region,
			LedgerFilter lines, double ledgerKg) {
	}

}
