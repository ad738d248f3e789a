package org.greenledger.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of org units: created with a code that never changes, renamed, deactivated
 * (no new data or assignments name it; its data and scopes stay) and reactivated. Every
 * change is written to the audit log with before and after.
 */
@Service
public class OrgUnits {

	/**
	 * Codes of new units: letters, digits, '.', '_', '-', starting with a letter or
	 * digit.
	 */
	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	static final int MAX_NAME = 200;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final List<OrgUnitHoldings> holdings;

	OrgUnits(JdbcClient jdbc, AuditLog audit, Clock clock, List<OrgUnitHoldings> holdings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.holdings = holdings.stream().sorted(Comparator.comparingInt(OrgUnitHoldings::order)).toList();
	}

	/** Every unit, by code. */
	public List<OrgUnit> all() {
		return this.jdbc.sql("select * from org_unit order by code").query(OrgUnits::unit).list();
	}

	/** The units new data and assignments may name, by code. */
	public List<OrgUnit> active() {
		return all().stream().filter(OrgUnit::active).toList();
	}

	public Optional<OrgUnit> get(UUID id) {
		return this.jdbc.sql("select * from org_unit where id = ?").param(id).query(OrgUnits::unit).optional();
	}

	public Optional<OrgUnit> byCode(String code) {
		return this.jdbc.sql("select * from org_unit where code = ?").param(code).query(OrgUnits::unit).optional();
	}

	@Transactional
	public OrgUnit create(@Nullable String code, @Nullable String name, String actor) {
		String wanted = (code != null) ? code.strip() : "";
		String label = (name != null && !name.isBlank()) ? name.strip() : wanted;
		List<FieldProblem> problems = new ArrayList<>();
		if (!CODE.matcher(wanted).matches()) {
			problems.add(new FieldProblem("code",
					"1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		if (label.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		Optional<String> taken = this.jdbc.sql("select code from org_unit where lower(code) = lower(?)")
			.param(wanted)
			.query(String.class)
			.optional();
		if (taken.isPresent()) {
			throw ApiProblemException.conflict("An org unit with the code '" + taken.get() + "' exists already.");
		}
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into org_unit (id, code, name, active, created_at, created_by) values (?, ?, ?, true, ?, ?)""")
			.params(id, wanted, label, Timestamp.from(now), actor)
			.update();
		OrgUnit unit = get(id).orElseThrow();
		this.audit.record(actor, "ORG_UNIT_CREATED", subject(unit), Map.of("after", state(unit)));
		return unit;
	}

	@Transactional
	public OrgUnit rename(UUID id, @Nullable String name, String actor) {
		OrgUnit before = require(id);
		String label = (name != null) ? name.strip() : "";
		if (label.isEmpty() || label.length() > MAX_NAME) {
			throw ApiProblemException
				.invalidFields(List.of(new FieldProblem("name", "1 to " + MAX_NAME + " characters")));
		}
		if (label.equals(before.name())) {
			return before;
		}
		this.jdbc.sql("update org_unit set name = ? where id = ?").params(label, id).update();
		OrgUnit after = require(id);
		this.audit.record(actor, "ORG_UNIT_RENAMED", subject(after),
				Map.of("before", state(before), "after", state(after)));
		return after;
	}

	/**
	 * Deactivates or reactivates a unit; unchanged (and not audited) when it is already
	 * so.
	 */
	@Transactional
	public OrgUnit setActive(UUID id, boolean active, String actor) {
		OrgUnit before = require(id);
		if (before.active() == active) {
			return before;
		}
		this.jdbc.sql("update org_unit set active = ? where id = ?").params(active, id).update();
		OrgUnit after = require(id);
		this.audit.record(actor, active ? "ORG_UNIT_REACTIVATED" : "ORG_UNIT_DEACTIVATED", subject(after),
				Map.of("before", state(before), "after", state(after)));
		return after;
	}

	public OrgUnit require(UUID id) {
		return get(id).orElseThrow(() -> ApiProblemException.notFound("No org unit " + id + "."));
	}

	/**
	 * How much data each unit holds: the kinds of data, and per unit code its counts in
	 * that order.
	 */
	public Usage usage() {
		List<String> kinds = this.holdings.stream().map(OrgUnitHoldings::kind).toList();
		List<Map<String, Long>> counts = this.holdings.stream().map(OrgUnitHoldings::countByOrgUnit).toList();
		Map<String, List<Long>> byUnit = new LinkedHashMap<>();
		for (OrgUnit unit : all()) {
			byUnit.put(unit.code(), counts.stream().map(count -> count.getOrDefault(unit.code(), 0L)).toList());
		}
		return new Usage(kinds, byUnit);
	}

	/**
	 * What org units hold.
	 *
	 * @param kinds the kinds of data ({@link OrgUnitHoldings#kind()}), in order
	 * @param counts per unit code, the count of each kind in that order
	 */
	public record Usage(List<String> kinds, Map<String, List<Long>> counts) {

		/** The counts of a unit, in the order of {@link #kinds}. */
		public List<Long> of(String code) {
			return this.counts.getOrDefault(code, this.kinds.stream().map(kind -> 0L).toList());
		}

		/** The counts of a unit by kind. */
		public Map<String, Long> byKind(String code) {
			Map<String, Long> byKind = new LinkedHashMap<>();
			List<Long> counts = of(code);
			for (int i = 0; i < this.kinds.size(); i++) {
				byKind.put(this.kinds.get(i), counts.get(i));
			}
			return byKind;
		}

	}

	static String subject(OrgUnit unit) {
		return "org-unit:" + unit.code();
	}

	private static Map<String, Object> state(OrgUnit unit) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", unit.code());
		state.put("name", unit.name());
		state.put("active", unit.active());
		return state;
	}

	private static OrgUnit unit(ResultSet rs, int row) throws SQLException {
		return new OrgUnit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
