package org.greenledger.reduction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Every kind of reduction opportunity of a period, largest saving first (see
 * docs/methodology.md for how each is computed).
 */
@Service
public class Opportunities {

	private final List<OpportunityFinder> finders;

	Opportunities(List<OpportunityFinder> finders) {
		this.finders = List.copyOf(finders);
	}

	/** The finder of a kind (each kind has one). */
	OpportunityFinder finder(OpportunityKind kind) {
		return this.finders.stream()
			.filter(finder -> finder.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No finder of " + kind));
	}

	public List<Opportunity> find(OpportunityQuery query) {
		List<Opportunity> all = new ArrayList<>();
		for (OpportunityFinder finder : this.finders) {
			all.addAll(finder.find(query));
		}
		all.sort(Comparator.comparingDouble(Opportunity::savingKgCo2e).reversed());
		return all;
	}

}
