package org.greenledger.reduction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.greenledger.audit.AuditLog;
import org.greenledger.security.OrgUnits;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reduction targets, versioned like factor sets: a change saves the next version, earlier
 * versions stay as they were; each save is in the audit log.
 */
@Service
public class Targets {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final OrgUnits orgUnits;

	private final LedgerEmissions ledger;

	private final Clock clock;

	Targets(JdbcClient jdbc, AuditLog audit, OrgUnits orgUnits, LedgerEmissions ledger, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.orgUnits = orgUnits;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The latest version of every target, by name. */
	public List<Target> all() {
		return this.jdbc.sql("""
				select v.* from reduction_target_version v
				where v.version = (select max(version) from reduction_target_version w where w.target_id = v.target_id)
				order by lower(v.name), v.target_id""").query(Targets::target).list();
	}

	/** The latest version of a target. */
	public Optional<Target> get(UUID id) {
		return this.jdbc.sql("select * from reduction_target_version where target_id = ? order by version desc limit 1")
			.param(id)
			.query(Targets::target)
			.optional();
	}

	public Target require(UUID id) {
		return get(id).orElseThrow(() -> ApiProblemException.notFound("No target " + id + "."));
	}

	/** Every version of a target, the first first. */
	public List<Target> versions(UUID id) {
		List<Target> versions = this.jdbc
			.sql("select * from reduction_target_version where target_id = ? order by version")
			.param(id)
			.query(Targets::target)
			.list();
		if (versions.isEmpty()) {
			throw ApiProblemException.notFound("No target " + id + ".");
		}
		return versions;
	}

	@Transactional
	public Target create(TargetInput input, String user) {
		TargetRules.Checked checked = check(input);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into reduction_target (id, created_at, created_by) values (?, ?, ?)")
			.params(id, Timestamp.from(Instant.now(this.clock)), user)
			.update();
		Target target = insert(id, 1, checked, user);
		this.audit.record(user, "TARGET_CREATED", subject(target), Map.of("after", describe(target)));
		return target;
	}

	/** Saves the next version of a target (the earlier ones stay). */
	@Transactional
	public Target change(UUID id, TargetInput input, String user) {
		this.jdbc.sql("select id from reduction_target where id = ? for update")
			.param(id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("No target " + id + "."));
		Target before = require(id);
		TargetRules.Checked checked = check(input);
		Target after = insert(id, before.version() + 1, checked, user);
		this.audit.record(user, "TARGET_CHANGED", subject(after),
				Map.of("before", describe(before), "after", describe(after)));
		return after;
	}

	/**
	 * Checks an input without saving anything (the ledger's base-year figure is not
	 * looked up): throws the field problems of {@link #create}.
	 */
	public void validate(TargetInput input) {
		check(input);
	}

	private TargetRules.Checked check(TargetInput input) {
		boolean known = input.orgUnit() == null || input.orgUnit().isBlank()
				|| this.orgUnits.byCode(input.orgUnit().strip()).isPresent();
		return TargetRules.check(input, known);
	}

	private Target insert(UUID id, int version, TargetRules.Checked input, String user) {
		double baseKg;
		String source;
		if (input.baseYearKgCo2e() != null) {
			baseKg = input.baseYearKgCo2e();
			source = "GIVEN";
		}
		else {
			LedgerEmissions.YearEmissions base = this.ledger.year(input.baseYear(), input.scopes(), input.basis(),
					input.includeEmbodied(), input.orgUnit());
			if (!base.recorded() || base.totalKg() <= 0) {
				throw ApiProblemException.invalidFields(List.of(new FieldProblem("baseYearKgCo2e",
						"the ledger holds no emissions in these scopes for base year " + input.baseYear()
								+ "; give the base year's figure in kg CO2e")));
			}
			baseKg = base.totalKg();
			source = "LEDGER";
		}
		this.jdbc.sql("""
				insert into reduction_target_version (target_id, version, name, scopes, basis, include_embodied,
				    base_year, base_year_kg, base_year_source, target_year, reduction_percent, org_unit, created_at,
				    created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, version, input.name(), String.join(",", input.scopes().stream().map(Enum::name).toList()),
					input.basis().name(), input.includeEmbodied(), input.baseYear(), baseKg, source, input.targetYear(),
					input.reductionPercent(), input.orgUnit(), Timestamp.from(Instant.now(this.clock)), user)
			.update();
		return versions(id).getLast();
	}

	private static String subject(Target target) {
		return "target:" + target.id();
	}

	private static Map<String, Object> describe(Target target) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", target.version());
		details.put("name", target.name());
		details.put("scopes", target.scopes().stream().map(Enum::name).toList());
		details.put("basis", target.basis().name());
		details.put("includeEmbodied", target.includeEmbodied());
		details.put("baseYear", target.baseYear());
		details.put("baseYearKgCo2e", target.baseYearKgCo2e());
		details.put("baseYearSource", target.baseYearSource());
		details.put("targetYear", target.targetYear());
		details.put("reductionPercent", target.reductionPercent());
		details.put("orgUnit", (target.orgUnit() != null) ? target.orgUnit() : "");
		return details;
	}

	private static Target target(ResultSet rs, int row) throws SQLException {
		return new Target(rs.getObject("target_id", UUID.class), rs.getInt("version"), rs.getString("name"),
				Arrays.stream(rs.getString("scopes").split(",")).map(TargetScope::valueOf).toList(),
				Basis.valueOf(rs.getString("basis")), rs.getBoolean("include_embodied"), rs.getInt("base_year"),
				rs.getDouble("base_year_kg"), rs.getString("base_year_source"), rs.getInt("target_year"),
				rs.getDouble("reduction_percent"), rs.getString("org_unit"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}

}
