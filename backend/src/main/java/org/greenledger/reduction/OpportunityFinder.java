package org.greenledger.reduction;

import java.util.List;

/** Finds the opportunities of one kind in a period. */
interface OpportunityFinder {

	/** The kind of opportunity it finds. */
	OpportunityKind kind();

	List<Opportunity> find(OpportunityQuery query);

	/**
	 * The emissions of an opportunity's subject over a period, as the ledger holds them,
	 * measured the same way before and after the change is adopted (the realized saving
	 * of an adopted opportunity compares the two, see {@link Adoptions}).
	 * @param subject the subject as the opportunity named it
	 * @param period the days and org units
	 * @param adopted whether the period is after the adoption (a kind whose changed usage
	 * leaves the ledger adds its projected emissions then)
	 */
	double emissions(Opportunity.Subject subject, OpportunityQuery period, boolean adopted);

}
