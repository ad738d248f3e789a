package org.greenledger.reduction;

import java.util.List;

/** Finds the opportunities of one kind in a period. */
interface OpportunityFinder {

	List<Opportunity> find(OpportunityQuery query);

}
