package org.greenledger.sites;

import java.util.Map;

import org.greenledger.audit.AuditLog;
import org.greenledger.ledger.LedgerRemovals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a site with its meters, instruments, EU indicator values and measured series
 * (the demo organisation's removal; the uploads of its readings go first). Audited; runs
 * in the caller's transaction.
 */
@Service
public class SiteRemovals {

	private final JdbcClient jdbc;

	private final LedgerRemovals ledger;

	private final AuditLog audit;

	SiteRemovals(JdbcClient jdbc, LedgerRemovals ledger, AuditLog audit) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
	}

	/** Removes the site of the code, when there is one; true when it was removed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean remove(String code, String user) {
		var id = this.jdbc.sql("select id from site where code = ? for update")
			.param(code)
			.query(java.util.UUID.class)
			.optional();
		if (id.isEmpty()) {
			return false;
		}
		int series = this.ledger.removeSeriesOfSite(id.get());
		this.jdbc.sql("delete from site_eu_indicators where site_id = ?").param(id.get()).update();
		this.jdbc.sql("update site_instrument set superseded_by = null where site_id = ?").param(id.get()).update();
		int instruments = this.jdbc.sql("delete from site_instrument where site_id = ?").param(id.get()).update();
		int meters = this.jdbc.sql("delete from meter where site_id = ?").param(id.get()).update();
		this.jdbc.sql("delete from site where id = ?").param(id.get()).update();
		this.audit.record(user, "SITE_REMOVED", "site:" + code,
				Map.of("meters", meters, "instruments", instruments, "measuredSeries", series));
		return true;
	}

}
