package org.greenledger.procurement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;
import org.greenledger.tasks.TaskProgress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workload-aware evaluations: the workload's usage becomes activity records calculated by
 * the footprint engine at each candidate (its region's or zone's grid, with the
 * supplier's disclosed PUE, WUE and market-based intensity overriding the library's), the
 * supplier is scored, and the candidates are ranked; the result is stored unchangeably.
 */
@Service
public class Evaluations {

	private static final String DEFAULT_CPU = "Cascade Lake";

	static final String CHECKING = "Checking the request";

	static final String SCORING = "Scoring the candidates";

	static final String STORING = "Storing the evaluation";

	private final Suppliers suppliers;

	private final ProductFootprints footprints;

	private final Methodologies methodologies;

	private final LibraryFactorLookup library;

	private final FactorSets factorSets;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final EvaluationChecks checks;

	Evaluations(Suppliers suppliers, ProductFootprints footprints, Methodologies methodologies,
			LibraryFactorLookup library, FactorSets factorSets, JdbcClient jdbc, AuditLog audit, Clock clock,
			EvaluationChecks checks) {
		this.checks = checks;
		this.suppliers = suppliers;
		this.footprints = footprints;
		this.methodologies = methodologies;
		this.library = library;
		this.factorSets = factorSets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<EvaluationResult> get(UUID id) {
		return get(id, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * An evaluation, when it exists and is within the scope (another unit's is not
	 * found).
	 */
	public Optional<EvaluationResult> get(UUID id, OrgUnitScope scope) {
		return this.jdbc
			.sql("select result::text from procurement_evaluation where id = ? and (? or org_unit = any(?))")
			.params(id, scope.unrestricted(), scope.codes())
			.query((rs, row) -> Methodologies.JSON.readValue(rs.getString(1), EvaluationResult.class))
			.optional();
	}

	public List<EvaluationResult> recent(int limit) {
		return recent(limit, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The latest evaluations of the org units in the scope (of every unit when
	 * unrestricted).
	 */
	public List<EvaluationResult> recent(int limit, OrgUnitScope scope) {
		String where = scope.unrestricted() ? "" : "where org_unit = any(?) ";
		List<Object> params = scope.unrestricted() ? List.of(limit) : List.of(scope.codes(), limit);
		return this.jdbc
			.sql("select result::text from procurement_evaluation " + where + "order by created_at desc limit ?")
			.params(params)
			.query((rs, row) -> Methodologies.JSON.readValue(rs.getString(1), EvaluationResult.class))
			.list();
	}

	@Transactional
	public EvaluationResult evaluate(EvaluationRequest request, String user) {
		return evaluate(request, user, UUID.randomUUID(), TaskProgress.NONE);
	}

	/**
	 * Refuses at once what {@link #evaluate} would refuse (missing or invalid fields,
	 * unknown suppliers, names the factor library does not know, with suggestions).
	 * @throws ApiProblemException 422 listing the invalid fields
	 */
	public void check(EvaluationRequest request) {
		this.checks.validate(request);
	}

	/**
	 * Evaluates the request under the given id, telling each candidate scored ("candidate
	 * 2 of 5").
	 */
	@Transactional
	public EvaluationResult evaluate(EvaluationRequest request, String user, UUID id, TaskProgress progress) {
		progress.report(CHECKING, "", 0.02);
		this.checks.validate(request);
		EvaluationRequest.Workload workload = java.util.Objects.requireNonNull(request.workload());
		List<EvaluationRequest.Candidate> candidates = java.util.Objects.requireNonNull(request.candidates());
		Methodology methodology = this.methodologies.get(
				(request.methodology() != null) ? request.methodology() : Methodologies.DEFAULT,
				request.methodologyVersion());
		FactorLookup base = new UserFactorLookup(this.library, this.factorSets.active());
		List<EvaluationResult.CandidateResult> results = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			progress.report(SCORING, "candidate " + (i + 1) + " of " + candidates.size(),
					0.05 + 0.85 * i / candidates.size());
			results.add(project(candidates.get(i), i, workload, methodology, base));
		}
		progress.report(STORING, candidates.size() + " of " + candidates.size() + " candidates scored", 0.92);
		results = CandidateLabels.distinct(results);
		List<EvaluationResult.CandidateResult> ranked = results.stream()
			.sorted(Comparator.comparingDouble(EvaluationResult.CandidateResult::co2eRankingKg)
				.thenComparing(result -> -result.score().score()))
			.toList();
		List<EvaluationResult.CandidateResult> withRanks = new ArrayList<>();
		for (EvaluationResult.CandidateResult result : results) {
			withRanks.add(new EvaluationResult.CandidateResult(result.label(), result.supplierId(), result.supplier(),
					result.location(), result.itKwh(), result.facilityKwh(), result.co2eLocationKg(),
					result.co2eMarketKg(), result.co2eEmbodiedKg(), result.waterOnSiteLitres(),
					result.waterOffSiteLitres(), result.score(), ranked.indexOf(result) + 1, result.factors()));
		}
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip()
				: "Evaluation " + now;
		EvaluationResult result = new EvaluationResult(id, name, methodology.name(), methodology.version(), request,
				withRanks, ranked.stream().map(EvaluationResult.CandidateResult::label).toList(), now, user);
		this.jdbc.sql("""
				insert into procurement_evaluation (id, name, request, result, methodology, methodology_version,
				                                    created_at, created_by, org_unit)
				values (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(id, name, Methodologies.JSON.writeValueAsString(request),
					Methodologies.JSON.writeValueAsString(result), methodology.name(), methodology.version(),
					Timestamp.from(now), user, request.orgUnit())
			.update();
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("name", name);
		details.put("ranking", result.ranking());
		details.put("orgUnit", request.orgUnit());
		this.audit.record(user, "EVALUATION_CREATED", "evaluation:" + id, details);
		return result;
	}

	private EvaluationResult.CandidateResult project(EvaluationRequest.Candidate candidate, int index,
			EvaluationRequest.Workload workload, Methodology methodology, FactorLookup base) {
		Supplier supplier = this.suppliers.require(candidate.supplierId());
		LocalDate date = workload.from();
		Map<String, ProfileValue> profile = this.suppliers.profile(supplier.id(), date);
		Location location = (candidate.provider() != null && candidate.region() != null)
				? new Location.CloudRegion(candidate.provider().strip().toLowerCase(Locale.ROOT),
						candidate.region().strip())
				: new Location.GridZone(candidate.gridZone().strip());
		List<ProductFootprints.Stored> pcfs = this.footprints.footprints(supplier.id());
		FactorLookup factors = new DisclosedFactors(base, supplier, profile,
				pcfs.stream().filter(footprint -> "HARDWARE".equals(footprint.kind())).toList());
		FootprintEngine engine = new FootprintEngine(factors);
		double days = ChronoUnit.DAYS.between(workload.from(), workload.to()) + 1;
		List<Usage> usages = new ArrayList<>();
		if (workload.acceleratorHours() != null) {
			for (EvaluationRequest.AcceleratorUse use : workload.acceleratorHours()) {
				if (use.hours() != null && use.hours() > 0) {
					String model = (candidate.accelerator() != null) ? candidate.accelerator() : use.model();
					usages.add(new Usage.AcceleratorHours(TimeSpan.ofHours(use.hours()), String.valueOf(model), null,
							null));
				}
			}
		}
		if (workload.vcpuHours() != null && workload.vcpuHours() > 0) {
			usages.add(new Usage.VcpuHours(TimeSpan.ofHours(workload.vcpuHours()),
					(candidate.cpuMicroarchitecture() != null) ? candidate.cpuMicroarchitecture() : DEFAULT_CPU, null));
		}
		if (workload.memoryGbHours() != null && workload.memoryGbHours() > 0) {
			usages.add(new Usage.MemoryHours(DataSize.ofGigabytes(workload.memoryGbHours() / (days * 24)),
					TimeSpan.ofHours(days * 24)));
		}
		if (workload.storageTbHours() != null && workload.storageTbHours() > 0) {
			usages.add(new Usage.StorageHours(DataSize.ofTerabytes(workload.storageTbHours() / (days * 24)),
					TimeSpan.ofHours(days * 24),
					"HDD".equalsIgnoreCase(workload.storageType()) ? StorageType.HDD : StorageType.SSD, null));
		}
		if (workload.dataTransferGb() != null && workload.dataTransferGb() > 0) {
			usages.add(new Usage.NetworkTransfer(DataSize.ofGigabytes(workload.dataTransferGb())));
		}
		double[] sums = new double[7];
		Set<String> used = new LinkedHashSet<>();
		for (Usage usage : usages) {
			ImpactLine line;
			try {
				line = engine.calculate(new ActivityRecord(usage, workload.from(), workload.to(), location,
						Scope.SCOPE_3_CATEGORY_1, Map.of(), null));
			}
			catch (org.greenledger.core.footprint.MissingFactorException ex) {
				throw ApiProblemException
					.invalidFields(List.of(new FieldProblem("candidates[" + index + "]", ex.getMessage())));
			}
			sums[0] += line.itEnergy().kilowattHours();
			sums[1] += line.facilityEnergy().kilowattHours();
			sums[2] += line.locationBased().kilograms();
			sums[3] += line.marketBased().kilograms();
			sums[4] += line.embodied().kilograms();
			sums[5] += line.waterOnSite().liters();
			sums[6] += line.waterOffSite().liters();
			line.factors()
				.forEach(factor -> used.add(factor.kind() + " " + factor.key() + " = " + factor.value() + " "
						+ factor.unit() + " (" + factor.dataset() + " " + factor.version() + ")"));
		}
		if (candidate.serviceProduct() != null && candidate.serviceHours() != null && candidate.serviceHours() > 0) {
			ProductFootprints.Stored service = pcfs.stream()
				.filter(each -> "IT_SERVICE".equals(each.kind()) && "HOUR".equals(each.declaredUnit()))
				.filter(each -> each.productName().equalsIgnoreCase(candidate.serviceProduct().strip())
						|| each.footprintId().toString().equalsIgnoreCase(candidate.serviceProduct().strip()))
				.findFirst()
				.orElseThrow(() -> ApiProblemException
					.invalidFields(List.of(new FieldProblem("candidates[" + index + "].serviceProduct",
							supplier.name() + " has no PACT IT-service footprint per hour named '"
									+ candidate.serviceProduct() + "'"))));
			// a service footprint covers the service's whole life cycle per hour: it
			// counts for both location- and market-based figures, as supplier-specific
			// data
			double kilograms = candidate.serviceHours() * service.kgCo2ePerUnit();
			sums[2] += kilograms;
			sums[3] += kilograms;
			used.add("SERVICE_FOOTPRINT " + service.productName() + " = " + service.kgCo2ePerUnit()
					+ " kgCO2e/hour (pact " + service.footprintId() + ", " + supplier.name() + ") x "
					+ candidate.serviceHours() + " h");
		}
		String label = (candidate.label() != null && !candidate.label().isBlank()) ? candidate.label().strip()
				: supplier.name() + ", " + describe(location)
						+ ((candidate.accelerator() != null) ? ", " + candidate.accelerator().strip() : "");
		return new EvaluationResult.CandidateResult(label, supplier.id(), supplier.name(), describe(location), sums[0],
				sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], Scorer.score(methodology, profile), 0,
				List.copyOf(used));
	}

	private static String describe(Location location) {
		return switch (location) {
			case Location.CloudRegion cloud -> cloud.provider() + " " + cloud.region();
			case Location.GridZone zone -> "zone " + zone.zone();
			case Location.Country country -> "country " + country.code();
			case Location.Unspecified unspecified -> "unspecified";
		};
	}

}
