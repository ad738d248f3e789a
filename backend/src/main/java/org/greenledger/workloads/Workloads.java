package org.greenledger.workloads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.audit.AuditLog;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.periods.ReportingPeriod;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of AI workloads, their rules and outputs; every change is audited. */
@Service
public class Workloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final PeriodLocks locks;

	private final WorkloadFootprints footprints;

	Workloads(JdbcClient jdbc, AuditLog audit, Clock clock, PeriodLocks locks, WorkloadFootprints footprints) {
		this.footprints = footprints;
		this.locks = locks;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Workload> all() {
		return this.jdbc.sql("select id from workload order by name")
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> get(id).orElseThrow())
			.toList();
	}

	public Optional<Workload> get(UUID id) {
		return this.jdbc.sql("select * from workload where id = ?").param(id).query(this::workload).optional();
	}

	public Workload require(UUID id) {
		return require(id, OrgUnitScope.UNRESTRICTED);
	}

	/** The workloads of the org units in the scope (every workload when unrestricted). */
	public List<Workload> all(OrgUnitScope scope) {
		return scope.filter(all(), Workload::orgUnit);
	}

	/** The workload within the scope, or 404 (also for another unit's workload). */
	public Workload require(UUID id, OrgUnitScope scope) {
		return get(id).filter(workload -> scope.includes(workload.orgUnit()))
			.orElseThrow(() -> ApiProblemException.notFound("No workload " + id + "."));
	}

	@Transactional
	public Workload create(WorkloadInput.Create input, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = text(input.name());
		if (name == null || name.length() > 200) {
			problems.add(new FieldProblem("name", "required, at most 200 characters"));
		}
		WorkloadKind kind = parse(WorkloadKind.class, input.kind(), "kind", problems);
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (this.jdbc.sql("select count(*) from workload where lower(name) = lower(?)")
			.param(name)
			.query(Integer.class)
			.single() > 0) {
			throw ApiProblemException.conflict("A workload named '" + name + "' exists already.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into workload (id, name, kind, model, org_unit, description, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, name, kind.name(), text(input.model()), text(input.orgUnit()),
					(input.description() != null) ? input.description().strip() : "", now(), user)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", name);
		details.put("kind", kind.name());
		details.put("model", text(input.model()));
		this.audit.record(user, "WORKLOAD_CREATED", "workload:" + id, details);
		return require(id);
	}

	@Transactional
	public Workload addRule(UUID id, WorkloadInput.NewRule input, String user) {
		require(id);
		List<FieldProblem> problems = new ArrayList<>();
		Phase phase = parse(Phase.class, input.phase(), "phase", problems);
		RuleSource source = parse(RuleSource.class, input.source(), "source", problems);
		Map<String, String> match = new TreeMap<>();
		if (input.match() != null) {
			input.match().forEach((key, value) -> {
				if (text(key) != null && text(value) != null) {
					match.put(key.strip(), value.strip());
				}
			});
		}
		if (match.isEmpty()) {
			problems.add(new FieldProblem("match", "at least one label (key and value) to match, for example"
					+ " {\"project\": \"llm-pretraining\"} or {\"namespace\": \"serving\"}"));
		}
		if (source == RuleSource.CLOUD_TAG && match.size() != 1) {
			problems.add(new FieldProblem("match", "a cloud tag rule matches exactly one tag key and value"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		UUID rule = UUID.randomUUID();
		String json = JSON.writeValueAsString(match);
		List<ReportingPeriod> locked = this.locks.locked();
		Workload workload = require(id);
		List<List<String>> before = locked.stream()
			.map(period -> this.footprints.attributed(workload, period.start(), period.end()))
			.toList();
		this.jdbc.sql("""
				insert into workload_rule (id, workload_id, phase, source, match, created_at, created_by)
				values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(rule, id, phase.name(), source.name(), json, now(), user)
			.update();
		// a rule has no dates: it is refused when it would attribute measured lines or
		// cloud rows of a locked period that were not attributed before (the transaction
		// rolls the rule back)
		Workload withRule = require(id);
		for (int i = 0; i < locked.size(); i++) {
			if (!before.get(i)
				.equals(this.footprints.attributed(withRule, locked.get(i).start(), locked.get(i).end()))) {
				this.locks.requireUnlocked(locked.get(i).start(), locked.get(i).end(), "Adding a " + phase + " rule "
						+ match + " to workload " + workload.name() + " would attribute activity of its dates and so");
			}
		}
		this.audit.record(user, "WORKLOAD_RULE_ADDED", "workload:" + id,
				Map.of("rule", rule.toString(), "phase", phase.name(), "source", source.name(), "match", match));
		return require(id);
	}

	@Transactional
	public Workload addOutput(UUID id, WorkloadInput.NewOutput input, String user) {
		require(id);
		List<FieldProblem> problems = new ArrayList<>();
		OutputUnit unit = parse(OutputUnit.class, input.unit(), "unit", problems);
		if (input.periodStart() == null || input.periodEnd() == null
				|| input.periodEnd().isBefore(input.periodStart())) {
			problems.add(new FieldProblem("periodEnd", "a period start and an end on or after it are required"));
		}
		if (input.quantity() == null || !(input.quantity() > 0) || input.quantity().isInfinite()) {
			problems.add(new FieldProblem("quantity", "the number of units served, greater than 0"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		this.locks.requireUnlocked(input.periodStart(), input.periodEnd(), "Recording outputs of workload " + id);
		UUID output = UUID.randomUUID();
		this.jdbc.sql("""
				insert into workload_output (id, workload_id, period_start, period_end, unit, quantity, created_at,
				                             created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(output, id, input.periodStart(), input.periodEnd(), unit.name(), input.quantity(), now(), user)
			.update();
		this.audit.record(user, "WORKLOAD_OUTPUT_RECORDED", "workload:" + id,
				Map.of("output", output.toString(), "period", input.periodStart() + "/" + input.periodEnd(), "unit",
						unit.name(), "quantity", input.quantity()));
		return require(id);
	}

	private Workload workload(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Workload.Rule> rules = this.jdbc
			.sql("select id, phase, source, match::text from workload_rule where workload_id = ? order by created_at")
			.param(id)
			.query((r, n) -> new Workload.Rule(r.getObject(1, UUID.class), Phase.valueOf(r.getString(2)),
					RuleSource.valueOf(r.getString(3)),
					JSON.readValue(r.getString(4), new TypeReference<Map<String, String>>() {
					})))
			.list();
		List<Workload.Output> outputs = this.jdbc.sql("""
				select id, period_start, period_end, unit, quantity from workload_output
				where workload_id = ? order by period_start, created_at""")
			.param(id)
			.query((r, n) -> new Workload.Output(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class),
					r.getObject(3, LocalDate.class), OutputUnit.valueOf(r.getString(4)), r.getDouble(5)))
			.list();
		return new Workload(id, rs.getString("name"), WorkloadKind.valueOf(rs.getString("kind")), rs.getString("model"),
				rs.getString("org_unit"), rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rules, outputs);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> problems) {
		try {
			return Enum.valueOf(type,
					String.valueOf(value).strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "one of " + List.of(type.getEnumConstants())));
			return null;
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

}
