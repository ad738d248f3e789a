package org.greenledger.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which later uploads replaced an upload's billing rows ({@code billing_replacement},
 * written by {@link BillingPeriodOverlaps}), for the job pages.
 */
@Service
public class BillingReplacements {

	private final JdbcClient jdbc;

	BillingReplacements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The replacements of the given jobs' rows, oldest first, per replaced job: the
	 * replacing job, provider, account, month ({@code YYYY-MM}), rows and billed cost
	 * removed. Jobs none of whose rows were replaced are absent.
	 */
	public Map<UUID, List<Map<String, Object>>> of(Collection<UUID> replacedJobs) {
		Map<UUID, List<Map<String, Object>>> replacements = new HashMap<>();
		if (replacedJobs.isEmpty()) {
			return replacements;
		}
		this.jdbc.sql("""
				select r.replaced_job_id,
				       jsonb_agg(jsonb_build_object('job', r.job_id, 'provider', r.provider,
				                                    'accountId', r.account_id, 'month', to_char(r.month, 'YYYY-MM'),
				                                    'rows', r.row_count, 'billedCost', r.billed_cost)
				                 order by r.replaced_at)::text
				from billing_replacement r where r.replaced_job_id::text = any(?::text[])
				group by r.replaced_job_id""")
			.param(replacedJobs.stream().map(UUID::toString).toArray(String[]::new))
			.query(rs -> {
				replacements.put(rs.getObject(1, UUID.class),
						LedgerJson.MAPPER.readValue(rs.getString(2), new TypeReference<List<Map<String, Object>>>() {
						}));
			});
		return replacements;
	}

}
