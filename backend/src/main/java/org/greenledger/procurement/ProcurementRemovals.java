package org.greenledger.procurement;

import java.util.Map;
import java.util.UUID;

import org.greenledger.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes suppliers (with their disclosures and product footprints) and evaluations, for
 * the demo organisation's removal only: these records are append-only, and the database
 * lets the caller's transaction delete them only when it is marked as the demo's removal
 * (V51). Audited.
 */
@Service
public class ProcurementRemovals {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ProcurementRemovals(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public boolean removeSupplier(UUID id, String user) {
		int footprints = this.jdbc.sql("delete from supplier_product_footprint where supplier_id = ?")
			.param(id)
			.update();
		int disclosures = this.jdbc.sql("delete from supplier_disclosure where supplier_id = ?").param(id).update();
		boolean removed = this.jdbc.sql("delete from supplier where id = ?").param(id).update() == 1;
		if (removed) {
			this.audit.record(user, "SUPPLIER_REMOVED", "supplier " + id,
					Map.of("disclosures", disclosures, "productFootprints", footprints));
		}
		return removed;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public boolean removeEvaluation(UUID id, String user) {
		boolean removed = this.jdbc.sql("delete from procurement_evaluation where id = ?").param(id).update() == 1;
		if (removed) {
			this.audit.record(user, "EVALUATION_REMOVED", "evaluation " + id, Map.of());
		}
		return removed;
	}

}
