package org.greenledger.demo;

import java.util.List;
import java.util.Map;

import org.greenledger.audit.AuditLog;
import org.greenledger.ingestion.JobRemovals;
import org.greenledger.periods.PeriodRemovals;
import org.greenledger.procurement.ProcurementRemovals;
import org.greenledger.sites.SiteRemovals;
import org.greenledger.workloads.WorkloadRemovals;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes exactly what the demo's load created, in one transaction (all or nothing), each
 * through the owning module's removal: the uploads with their lines and sums first, then
 * the sites, the workload, the evaluation, the suppliers and the reporting period. The
 * audit log keeps every event, the removal's included.
 */
@Component
class DemoRemoval {

	private final DemoStore store;

	private final JobRemovals jobs;

	private final SiteRemovals sites;

	private final WorkloadRemovals workloads;

	private final ProcurementRemovals procurement;

	private final PeriodRemovals periods;

	private final AuditLog audit;

	DemoRemoval(DemoStore store, JobRemovals jobs, SiteRemovals sites, WorkloadRemovals workloads,
			ProcurementRemovals procurement, PeriodRemovals periods, AuditLog audit) {
		this.store = store;
		this.jobs = jobs;
		this.sites = sites;
		this.workloads = workloads;
		this.procurement = procurement;
		this.periods = periods;
		this.audit = audit;
	}

	@Transactional
	public void removeAll(String user) {
		this.store.markRemoval();
		List<DemoHolding> holdings = this.store.holdings();
		this.jobs.remove(of(holdings, DemoHolding.Kind.JOB).stream().map(DemoRecords::id).toList(), user);
		for (DemoHolding site : of(holdings, DemoHolding.Kind.SITE)) {
			this.sites.remove(site.ref(), user);
		}
		for (DemoHolding workload : of(holdings, DemoHolding.Kind.WORKLOAD)) {
			this.workloads.remove(DemoRecords.id(workload), user);
		}
		for (DemoHolding evaluation : of(holdings, DemoHolding.Kind.EVALUATION)) {
			this.procurement.removeEvaluation(DemoRecords.id(evaluation), user);
		}
		for (DemoHolding supplier : of(holdings, DemoHolding.Kind.SUPPLIER)) {
			this.procurement.removeSupplier(DemoRecords.id(supplier), user);
		}
		for (DemoHolding period : of(holdings, DemoHolding.Kind.PERIOD)) {
			this.periods.remove(DemoRecords.id(period), user);
		}
		holdings.forEach(this.store::release);
		this.store.clear();
		this.audit.record(user, "DEMO_REMOVED", "demo organisation",
				Map.of("holdings", holdings.size(), "byKind",
						holdings.stream()
							.collect(java.util.stream.Collectors.groupingBy(h -> h.kind().name(),
									java.util.stream.Collectors.counting()))));
	}

	private static List<DemoHolding> of(List<DemoHolding> holdings, DemoHolding.Kind kind) {
		return holdings.stream().filter(holding -> holding.kind() == kind).toList();
	}

}
