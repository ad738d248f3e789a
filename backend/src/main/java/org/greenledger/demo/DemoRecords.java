package org.greenledger.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.greenledger.periods.ReportingPeriod;
import org.greenledger.periods.ReportingPeriods;
import org.greenledger.procurement.EvaluationRequest;
import org.greenledger.procurement.EvaluationResult;
import org.greenledger.procurement.Evaluations;
import org.greenledger.procurement.ProductFootprints;
import org.greenledger.procurement.Questionnaires;
import org.greenledger.procurement.Supplier;
import org.greenledger.procurement.Suppliers;
import org.greenledger.sites.InstrumentInput;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteInput;
import org.greenledger.sites.Sites;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadInput;
import org.greenledger.workloads.Workloads;

import org.springframework.stereotype.Component;

/**
 * Creates the demo's records through the services the portal and the API use: the sites
 * with their instruments, the AI workload with its rules and outputs, the suppliers (one
 * answering the questionnaire, one sending a PACT footprint), an evaluation and the
 * reporting period left in review. Each is recorded as the demo's before the next is
 * made.
 */
@Component
class DemoRecords {

	private final Sites sites;

	private final Workloads workloads;

	private final Suppliers suppliers;

	private final Questionnaires questionnaires;

	private final ProductFootprints footprints;

	private final Evaluations evaluations;

	private final ReportingPeriods periods;

	private final DemoStore store;

	DemoRecords(Sites sites, Workloads workloads, Suppliers suppliers, Questionnaires questionnaires,
			ProductFootprints footprints, Evaluations evaluations, ReportingPeriods periods, DemoStore store) {
		this.sites = sites;
		this.workloads = workloads;
		this.suppliers = suppliers;
		this.questionnaires = questionnaires;
		this.footprints = footprints;
		this.evaluations = evaluations;
		this.periods = periods;
		this.store = store;
	}

	void sites(String user) {
		site(new SiteInput(DemoOrganisation.OWN_SITE, "Demo: Frankfurt data centre (own)", "OWN", "DE", "DE", null,
				null, null), user);
		site(new SiteInput(DemoOrganisation.COLOCATED_SITE, "Demo: Amsterdam colocation hall", "COLOCATED", "NL", "NL",
				null, null, null), user);
		for (int year = 2025; year <= 2026; year++) {
			LocalDate start = LocalDate.of(year, 1, 1);
			this.sites.addInstrument(DemoOrganisation.OWN_SITE,
					new InstrumentInput("EAC", start, start.plusYears(1).minusDays(1), 3_200.0, 0.0,
							"Demo: guarantees of origin, Norwegian hydro, cancelled in the AIB registry " + year, null),
					user);
		}
		this.sites.addInstrument(DemoOrganisation.COLOCATED_SITE,
				new InstrumentInput("SUPPLIER_SPECIFIC", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), null,
						0.21, "Demo: the colocation operator's supplier-specific emission factor, contract 2025-2026",
						null),
				user);
	}

	private void site(SiteInput input, String user) {
		Site site = this.sites.create(input, user);
		this.store.hold(new DemoHolding(DemoHolding.Kind.SITE, site.code(), site.name()));
	}

	void workload(String user) {
		Workload workload = this.workloads
			.create(new WorkloadInput.Create(DemoOrganisation.WORKLOAD, "MODEL", "northwind-assistant-7b", null,
					"Demo: a 7-billion-parameter assistant model, trained on GPU instances in AWS and Google Cloud"
							+ " and served from AWS and Azure"),
					user);
		this.store.hold(new DemoHolding(DemoHolding.Kind.WORKLOAD, workload.id().toString(), workload.name()));
		this.workloads.addRule(workload.id(),
				new WorkloadInput.NewRule("TRAINING", "CLOUD_TAG", Map.of("workload", DemoOrganisation.TRAINING_TAG)),
				user);
		this.workloads.addRule(workload.id(),
				new WorkloadInput.NewRule("INFERENCE", "CLOUD_TAG", Map.of("workload", DemoOrganisation.INFERENCE_TAG)),
				user);
		Random random = new Random(DemoOrganisation.SEED + 2);
		for (int i = 0; i < DemoOrganisation.MONTHS; i++) {
			YearMonth month = DemoOrganisation.FIRST_MONTH.plusMonths(i);
			double requests = Math.round(1_800_000 * (1 + 0.08 * i) * (0.9 + 0.2 * random.nextDouble()));
			this.workloads.addOutput(workload.id(),
					new WorkloadInput.NewOutput(month.atDay(1), month.atEndOfMonth(), "REQUESTS", requests), user);
		}
	}

	void suppliers(String user) {
		Supplier colocation = supplier("Demo: Rheinland Colocation GmbH", "COLOCATION_OPERATOR",
				"Colocation operator of the Amsterdam hall (demo supplier)", user);
		this.questionnaires.importAnswers(colocation.id(), "demo-questionnaire-rheinland-colocation.xlsx",
				DemoQuestionnaire.answered(this.questionnaires.template(colocation.id())), user);
		Supplier hardware = supplier("Demo: Example Server Works", "HARDWARE_VENDOR",
				"Vendor of the Frankfurt GPU servers (demo supplier)", user);
		this.footprints.importPact(hardware.id(), "demo-pact-gpu-server.json", DemoPact.gpuServer(), user);
		Supplier cloud = supplier("Demo: Nordic Cloud AB", "CLOUD_PROVIDER",
				"Candidate cloud for the next training campaign (demo supplier)", user);
		this.suppliers.disclose(cloud.id(), "MANUAL",
				Map.of("facility.pue", 1.12, "facility.wue", 0.2, "grid.market_intensity", 18.0,
						"energy.carbon_free_share", 92.0),
				"Demo: the supplier's 2025 sustainability report, p. 14", null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31), user);
		EvaluationResult evaluation = this.evaluations
			.evaluate(new EvaluationRequest("Demo: next training campaign (H100, Q1 2027)",
					new EvaluationRequest.Workload(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31),
							List.of(new EvaluationRequest.AcceleratorUse("H100-SXM", 20_000.0)), 120_000.0, 480_000.0,
							50.0, "SSD", 2_000.0),
					List.of(new EvaluationRequest.Candidate(cloud.id(), "Nordic Cloud, Stockholm", "aws", "eu-north-1",
							null, null, null, null, null),
							new EvaluationRequest.Candidate(colocation.id(), "Own servers in the Amsterdam hall", null,
									null, "NL", null, null, null, null)),
					null, null, null), user);
		this.store.hold(new DemoHolding(DemoHolding.Kind.EVALUATION, evaluation.id().toString(), evaluation.name()));
	}

	private Supplier supplier(String name, String type, String description, String user) {
		Supplier supplier = this.suppliers.create(name, type, "https://example.com", description,
				List.of(new Supplier.Contact("Demo Contact", "sustainability@example.com", "sustainability")), user);
		this.store.hold(new DemoHolding(DemoHolding.Kind.SUPPLIER, supplier.id().toString(), supplier.name()));
		return supplier;
	}

	void period(String user) {
		ReportingPeriod period = this.periods.create(DemoOrganisation.PERIOD, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31), user);
		this.store.hold(new DemoHolding(DemoHolding.Kind.PERIOD, period.id().toString(), period.name()));
		this.periods.move(period.id(), "IN_REVIEW", "Demo: figures ready for the auditor's review", user);
	}

	static UUID id(DemoHolding holding) {
		return UUID.fromString(holding.ref());
	}

}
