package org.greenledger.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.inventory.GhgInventory;
import org.greenledger.inventory.InventoryFigures;
import org.greenledger.periods.ReportingPeriod;
import org.greenledger.periods.ReportingPeriods;
import org.greenledger.reports.Document;
import org.greenledger.reports.DocumentRenderer;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.Renderers;
import org.greenledger.reports.Section;
import org.greenledger.reports.Status;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.DataMarkings;
import org.greenledger.system.GreenLedgerProperties;
import org.greenledger.tasks.TaskProgress;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.Training;
import org.greenledger.workloads.WorkloadFootprints;
import org.greenledger.workloads.WorkloadTrainings;
import org.greenledger.workloads.Workloads;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates disclosure documents: gathers the figures of the period, builds the document
 * (with the differences from the report of the version a restatement restates), renders
 * it as PDF, XLSX and HTML, and stores all of it immutably with the SHA-256 of each
 * rendering.
 */
@Service
public class Disclosures {

	private final InventoryFigures inventory;

	private final EnergyMix energy;

	private final EuDataCentres dataCentres;

	private final Workloads workloads;

	private final WorkloadFootprints footprints;

	private final ReportingPeriods periods;

	private final ReportStore store;

	private final AuditorSheets auditorSheets;

	private final FactorLibrary library;

	private final HtmlReportRenderer html;

	private final ReportSources sources;

	private final AuditLog audit;

	private final GreenLedgerProperties properties;

	private final Clock clock;

	private final ProviderComparison comparison;

	private final EsrsTargetsAndActions targetsAndActions;

	private final CoverageSection coverage;

	private final List<DataMarkings> markings;

	private final WorkloadTrainings trainings;

	Disclosures(InventoryFigures inventory, EnergyMix energy, EuDataCentres dataCentres, Workloads workloads,
			WorkloadFootprints footprints, ReportingPeriods periods, ReportStore store, AuditorSheets auditorSheets,
			FactorLibrary library, HtmlReportRenderer html, ReportSources sources, AuditLog audit,
			GreenLedgerProperties properties, Clock clock, ProviderComparison comparison,
			EsrsTargetsAndActions targetsAndActions, CoverageSection coverage, List<DataMarkings> markings,
			WorkloadTrainings trainings) {
		this.targetsAndActions = targetsAndActions;
		this.coverage = coverage;
		this.markings = List.copyOf(markings);
		this.trainings = trainings;
		this.inventory = inventory;
		this.energy = energy;
		this.dataCentres = dataCentres;
		this.workloads = workloads;
		this.footprints = footprints;
		this.periods = periods;
		this.store = store;
		this.auditorSheets = auditorSheets;
		this.library = library;
		this.html = html;
		this.sources = sources;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.comparison = comparison;
	}

	public java.util.Optional<StoredReport> find(UUID id) {
		return this.store.find(id);
	}

	/**
	 * A report, when it exists and is within the scope: another unit's report, or a
	 * report of the whole organisation for a user assigned to org units, is not found.
	 */
	public java.util.Optional<StoredReport> find(UUID id, OrgUnitScope scope) {
		return this.store.find(id).filter(report -> scope.includes(report.orgUnit()));
	}

	public List<StoredReport> recent(int limit) {
		return this.store.recent(limit, OrgUnitScope.UNRESTRICTED);
	}

	/** The latest reports within the scope. */
	public List<StoredReport> recent(int limit, OrgUnitScope scope) {
		return this.store.recent(limit, scope);
	}

	public java.util.Optional<byte[]> content(UUID id, String format) {
		return this.store.content(id, format);
	}

	public byte[] evidence(StoredReport report) {
		return this.store.evidence(report);
	}

	@Transactional
	public StoredReport generate(ReportRequest request, String user) {
		return generate(request, OrgUnitScope.UNRESTRICTED, user);
	}

	/**
	 * Generates a report of the request's org unit (resolved for the user beforehand: see
	 * {@link org.greenledger.security.OrgUnitScopes#unitForNewData}); an AI model card's
	 * workload must be within the user's scope.
	 */
	@Transactional
	public StoredReport generate(ReportRequest request, OrgUnitScope scope, String user) {
		return generate(request, scope, user, UUID.randomUUID(), TaskProgress.NONE);
	}

	/**
	 * Checks what {@link #generate} would refuse at once (type, dates, the workload, an
	 * approved period's existing report), for a generation that runs in the background.
	 * @throws ApiProblemException as {@code generate} would
	 */
	public void check(ReportRequest request, OrgUnitScope scope) {
		Target target = target(request);
		if (target.type() == DisclosureType.AI_MODEL_CARD
				&& !scope.includes(this.workloads.require(request.modelId()).orgUnit())) {
			throw ApiProblemException.notFound("No workload " + request.modelId() + ".");
		}
	}

	/**
	 * How many activity lines the report's workbook would list (0 for a document without
	 * them): what most of a large report's generation time goes to.
	 */
	public long lines(ReportRequest request) {
		Target target = target(request);
		return (target.type() == DisclosureType.GHG_INVENTORY || target.type() == DisclosureType.ESRS)
				? this.auditorSheets.count(target.from(), target.to(), target.orgUnit()) : 0;
	}

	/**
	 * Generates the report with the given id, telling its progress as it goes (the
	 * figures, each PDF page, each activity line of the workbook, the storing). What is
	 * stored does not depend on whether anybody follows the progress.
	 */
	@Transactional
	public StoredReport generate(ReportRequest request, OrgUnitScope scope, String user, UUID id,
			TaskProgress taskProgress) {
		return generate(request, scope, user, id, Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS), taskProgress);
	}

	/** The same at a given time (the report's {@code generatedAt}). */
	@Transactional
	StoredReport generate(ReportRequest request, OrgUnitScope scope, String user, UUID id, Instant now,
			TaskProgress taskProgress) {
		ReportProgress progress = ReportProgress.of(taskProgress);
		progress.figures("checking the request");
		Target target = target(request);
		DisclosureType type = target.type();
		ReportingPeriod period = target.period();
		LocalDate from = target.from();
		LocalDate to = target.to();
		String orgUnit = target.orgUnit();
		progress.figures(from + " to " + to);
		StoredReport previous = (period != null && period.restates() != null)
				? this.store.latestFor(period.restates(), type, orgUnit).orElse(null) : null;
		Provenance provenance = provenance(id, from, to, orgUnit);
		DocumentContext context = new DocumentContext(
				this.properties.organisationName() + ((orgUnit != null) ? ", org unit " + orgUnit : ""), from, to,
				(period != null) ? period.name() + " v" + period.version() : null, status(period),
				(period != null) ? String.valueOf(period.version()) : "1", now, provenance,
				DataMarkings.joined(this.markings));
		Map<String, Double> figures;
		byte[] csv = null;
		Document document;
		String title;
		switch (type) {
			case GHG_INVENTORY -> {
				GhgInventory ghg = this.inventory.inventory(from, to, orgUnit);
				figures = GhgInventoryDocument.figures(ghg);
				Section changes = ChangesSection.build(previous, figures, (period != null) ? period.reason() : null);
				document = GhgInventoryDocument.build(ghg, context, changes,
						this.comparison.section(from, to, orgUnit));
				document = this.auditorSheets.appendTo(document, from, to, orgUnit, progress);
				document = this.coverage.appendTo(document, java.time.YearMonth.from(from),
						java.time.YearMonth.from(to),
						(orgUnit != null) ? OrgUnitScope.of(List.of(orgUnit)) : OrgUnitScope.UNRESTRICTED);
				title = type.title();
			}
			case ESRS -> {
				EsrsSection.Facts facts = new EsrsSection.Facts(this.inventory.inventory(from, to, orgUnit),
						this.energy.sites(from, to, orgUnit), RevenueBasis.of(period, request.netRevenue()),
						EsrsVersion.choose(request.esrsVersion(), from));
				List<EsrsSection.Part> parts = EsrsDocument.parts(facts);
				figures = EsrsDocument.figures(parts);
				Section changes = ChangesSection.build(previous, figures, (period != null) ? period.reason() : null);
				document = this.auditorSheets.appendTo(EsrsDocument.build(facts, parts, context, changes,
						this.targetsAndActions.sections(from, to, orgUnit)), from, to, orgUnit, progress);
				document = this.coverage.appendTo(document, java.time.YearMonth.from(from),
						java.time.YearMonth.from(to),
						(orgUnit != null) ? OrgUnitScope.of(List.of(orgUnit)) : OrgUnitScope.UNRESTRICTED);
				title = type.title() + " (ESRS " + facts.version().code() + ")";
			}
			case EED_DATACENTRE -> {
				List<EuDataCentres.SiteIndicators> sites = this.dataCentres.sites(from, to, orgUnit,
						this.properties.organisationName());
				figures = EedDocument.figures(sites);
				document = EedDocument.build(sites, context,
						ChangesSection.build(previous, figures, (period != null) ? period.reason() : null));
				csv = EuTemplateCsv.render(sites);
				title = type.title();
			}
			case AI_MODEL_CARD -> {
				Workload workload = this.workloads.require(request.modelId());
				if (!scope.includes(workload.orgUnit())) {
					// as if it did not exist, like every other unit's data
					throw ApiProblemException.notFound("No workload " + request.modelId() + ".");
				}
				ModelCardFacts card = ModelCardFacts.of(this.footprints.footprint(workload, from, to),
						this.properties.organisationName(),
						this.trainings.find(workload.id()).map(Training.Entered::values).orElse(null), this.library);
				figures = ModelCardDocument.figures(card);
				document = ModelCardDocument.build(card, context,
						ChangesSection.build(previous, figures, (period != null) ? period.reason() : null));
				title = type.title() + ": " + workload.name();
			}
			default -> throw new IllegalStateException(type.name());
		}
		Map<String, byte[]> renderings = new LinkedHashMap<>();
		renderings.put("pdf", render(Renderers.pdf(progress.pdf()), document));
		progress.workbook();
		renderings.put("xlsx", render(Renderers.xlsx(), document));
		progress.html();
		renderings.put("html", this.html.render(document));
		if (csv != null) {
			renderings.put("csv", csv);
		}
		StoredReport report = new StoredReport(id, type, (period != null) ? period.id() : null, from, to, orgUnit,
				request.modelId(), title, figures, provenanceMap(provenance), Map.of(),
				(previous != null) ? previous.id() : null, now, user);
		progress.storing();
		this.store.save(report, renderings);
		StoredReport stored = this.store.find(id).orElseThrow();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("type", type.name());
		details.put("period", from + "/" + to);
		details.put("orgUnit", orgUnit);
		details.put("contents", stored.contents());
		this.audit.record(user, "REPORT_GENERATED", "report:" + id, details);
		return stored;
	}

	private Target target(ReportRequest request) {
		DisclosureType type = type(request.type());
		ReportingPeriod period = (request.periodId() != null) ? this.periods.require(request.periodId()) : null;
		LocalDate from = (period != null) ? period.start() : request.from();
		LocalDate to = (period != null) ? period.end() : request.to();
		if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("periodId",
					"a reporting period, or 'from' and 'to' (at most 5 years apart, 'to' not before 'from')")));
		}
		if (type == DisclosureType.AI_MODEL_CARD && request.modelId() == null) {
			throw ApiProblemException
				.invalidFields(List.of(new FieldProblem("modelId", "an AI model card needs the workload's id")));
		}
		String orgUnit = (request.orgUnit() != null && !request.orgUnit().isBlank()) ? request.orgUnit().strip() : null;
		if (period != null && period.locked()) {
			this.store.latestFor(period.id(), type, orgUnit).ifPresent(existing -> {
				throw ApiProblemException.conflict("Reporting period '" + period.name() + "' version "
						+ period.version() + " is approved and locked; its " + type + " report is " + existing.id()
						+ ". Open a restatement of the period to produce a new one.");
			});
		}
		return new Target(type, period, from, to, orgUnit);
	}

	/** What a request asks for, checked. */
	private record Target(DisclosureType type, @Nullable ReportingPeriod period, LocalDate from, LocalDate to,
			@Nullable String orgUnit) {
	}

	/**
	 * What the report was made from: the factor datasets, and the source files of the
	 * period (of the org unit's activity and sites only, for a report of one unit).
	 */
	private Provenance provenance(UUID id, LocalDate from, LocalDate to, @Nullable String orgUnit) {
		List<Provenance.FactorDataset> datasets = this.library.datasets()
			.stream()
			.map(dataset -> new Provenance.FactorDataset(dataset.id(), dataset.version()))
			.toList();
		List<Provenance.SourceFile> files = this.sources.files(from, to, orgUnit);
		String version = Disclosures.class.getPackage().getImplementationVersion();
		return new Provenance((version != null) ? version : "0.1.0-SNAPSHOT", FootprintEngine.METHOD_VERSION, datasets,
				files, id.toString(), null);
	}

	private static Map<String, Object> provenanceMap(Provenance provenance) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("greenLedgerVersion", provenance.greenLedgerVersion());
		map.put("methodVersion", provenance.methodVersion());
		map.put("factorDatasets",
				provenance.factorDatasets()
					.stream()
					.map(dataset -> Map.of("name", dataset.name(), "version", dataset.version()))
					.toList());
		map.put("sourceFiles",
				provenance.sourceFiles()
					.stream()
					.map(file -> Map.of("name", file.name(), "sha256", file.sha256()))
					.toList());
		return map;
	}

	private static Status status(@Nullable ReportingPeriod period) {
		if (period == null) {
			return Status.DRAFT;
		}
		if (period.supersededBy() != null) {
			return Status.SUPERSEDED;
		}
		return Status.valueOf(period.status().name());
	}

	private static DisclosureType type(@Nullable String type) {
		try {
			return DisclosureType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblemException.invalidFields(
					List.of(new FieldProblem("type", "one of GHG_INVENTORY, ESRS, EED_DATACENTRE, AI_MODEL_CARD")));
		}
	}

	private static byte[] render(DocumentRenderer renderer, Document document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			renderer.render(document, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not render the report: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

}
