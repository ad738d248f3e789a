package org.greenledger.reduction;

import java.util.List;

import org.greenledger.ledger.ActivityLines;
import org.greenledger.ledger.LedgerFilter;
import org.springframework.stereotype.Component;

/** The ledger's lines behind an opportunity, and links to see them. */
@Component
class LedgerEvidence {

	/** How many lines an opportunity names (the explorer pages through the rest). */
	static final int LINES = 20;

	private final ActivityLines lines;

	LedgerEvidence(ActivityLines lines) {
		this.lines = lines;
	}

	List<Opportunity.LineRef> lines(OpportunityQuery query, LedgerFilter filter) {
		return this.lines.page(query.from(), query.to(), filter, null, LINES)
			.lines()
			.stream()
			.map(line -> new Opportunity.LineRef(line.jobId(), line.row(),
					"/explorer/lines/" + line.jobId() + "/" + line.row()))
			.toList();
	}

	List<Opportunity.Link> regionLinks(OpportunityQuery query, String provider, String region) {
		String period = "from=" + query.from() + "&to=" + query.to();
		return List.of(new Opportunity.Link("footprint", "/api/v1/footprint?" + period + "&groupBy=region"),
				new Opportunity.Link("explorer",
						"/explorer?" + period + "&provider=" + provider + "&region=" + region));
	}

}
