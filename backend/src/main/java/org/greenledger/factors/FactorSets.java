package org.greenledger.factors;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's factor sets: created and revised as append-only versions (who, when,
 * why), read by version, and applied (latest version of each set) over the shipped
 * library.
 */
@Service
public class FactorSets {

	static final Set<FactorKind> OVERRIDABLE = Set.of(FactorKind.PUE, FactorKind.WUE, FactorKind.EWIF,
			FactorKind.GRID_INTENSITY, FactorKind.MARKET_INTENSITY, FactorKind.SERVICE_ENERGY);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.greenledger.periods.PeriodLocks locks;

	private final AuditLog audit;

	FactorSets(JdbcClient jdbc, Clock clock, org.greenledger.periods.PeriodLocks locks, AuditLog audit) {
		this.locks = locks;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public FactorSetView create(FactorSetInput input, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		if (input.name() == null || !input.name().strip().matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")) {
			problems.add(new FieldProblem("name", "1 to 100 letters, digits, spaces, '.', '_' or '-'"));
		}
		List<UserFactor> values = validate(input, problems, "-", 1);
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		String name = input.name().strip();
		if (this.jdbc.sql("select count(*) from factor_set where lower(name) = lower(?)")
			.param(name)
			.query(Integer.class)
			.single() > 0) {
			throw ApiProblemException.conflict("A factor set named '" + name + "' exists already.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into factor_set (id, name, description, created_at, created_by) values (?, ?, ?, ?, ?)")
			.params(id, name, text(input.description()), timestamp(), user)
			.update();
		insertVersion(id, 1, input, user, values);
		FactorSetView created = get(id, null).orElseThrow();
		this.audit.record(user, "FACTOR_SET_CREATED", "factor set " + name,
				Map.of("id", id.toString(), "after", audited(created)));
		return created;
	}

	@Transactional
	public FactorSetView revise(UUID id, FactorSetInput input, String user) {
		Optional<String> name = this.jdbc.sql("select name from factor_set where id = ? for update")
			.param(id)
			.query(String.class)
			.optional();
		if (name.isEmpty()) {
			throw ApiProblemException.notFound("No factor set " + id + ".");
		}
		int version = this.jdbc.sql("select max(version) from factor_set_version where set_id = ?")
			.param(id)
			.query(Integer.class)
			.single() + 1;
		List<FieldProblem> problems = new ArrayList<>();
		List<UserFactor> values = validate(input, problems, name.get(), version);
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		FactorSetView before = get(id, null).orElseThrow();
		insertVersion(id, version, input, user, values);
		FactorSetView after = get(id, null).orElseThrow();
		this.audit.record(user, "FACTOR_SET_REVISED", "factor set " + name.get(),
				Map.of("id", id.toString(), "before", audited(before), "after", audited(after)));
		return after;
	}

	/** A version of a set as the audit log keeps it: version, note and each value. */
	private static Map<String, Object> audited(FactorSetView set) {
		return Map.of("version", set.version(), "note", (set.note() != null) ? set.note() : "", "values",
				set.values()
					.stream()
					.map(value -> value.kind() + " " + value.scope() + " = " + value.value() + " (" + value.validFrom()
							+ " to " + value.validTo() + "; " + value.source() + ")")
					.toList());
	}

	/** A set at a version, or at its latest version when {@code version} is null. */
	public Optional<FactorSetView> get(UUID id, Integer version) {
		return this.jdbc
			.sql("""
					select s.id, s.name, s.description, v.version, v.created_at, v.created_by, v.note,
					       (select max(version) from factor_set_version where set_id = s.id) as versions
					from factor_set s join factor_set_version v on v.set_id = s.id
					where s.id = ? and v.version = coalesce(?, (select max(version) from factor_set_version where set_id = s.id))
					""")
			.params(id, version)
			.query((rs, row) -> new FactorSetView(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("description"), rs.getInt("version"), rs.getInt("versions"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("note"),
					values(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("version"))))
			.optional();
	}

	/** Every set at its latest version. */
	public List<FactorSetView> all() {
		return this.jdbc.sql("select id from factor_set order by name")
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> get(id, null).orElseThrow())
			.toList();
	}

	/** The values in force: the latest version of every set. */
	public List<UserFactor> active() {
		return inForce(null);
	}

	/**
	 * The values that were in force at an instant: the latest version of every set
	 * recorded by then. Calculations made at query time for the dates of a locked
	 * reporting period use the values of the moment it was approved, so that a later
	 * version cannot change its figures.
	 */
	public List<UserFactor> activeAt(Instant at) {
		return inForce(java.sql.Timestamp.from(at));
	}

	private List<UserFactor> inForce(java.sql.@Nullable Timestamp at) {
		return this.jdbc.sql("""
				select s.name, x.version, x.kind, x.scope, x.value, x.valid_from, x.valid_to, x.source, x.notes,
				       v.created_at
				from factor_set s
				join factor_set_version v on v.set_id = s.id
				 and v.version = (select max(version) from factor_set_version
				                  where set_id = s.id and created_at <= coalesce(cast(? as timestamptz), created_at))
				join factor_set_value x on x.set_id = v.set_id and x.version = v.version
				order by s.name, x.position
				""")
			.param(at)
			.query((rs, row) -> new UserFactor(FactorKind.valueOf(rs.getString("kind")),
					FactorScope.parse(rs.getString("scope")).orElseThrow(), rs.getDouble("value"),
					localDate(rs.getDate("valid_from")), localDate(rs.getDate("valid_to")), rs.getString("source"),
					rs.getString("notes"), rs.getString("name"), rs.getInt("version"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private List<UserFactor> values(UUID id, String name, int version) {
		return this.jdbc.sql("""
				select x.kind, x.scope, x.value, x.valid_from, x.valid_to, x.source, x.notes, v.created_at
				from factor_set_value x join factor_set_version v on v.set_id = x.set_id and v.version = x.version
				where x.set_id = ? and x.version = ? order by x.position""")
			.params(id, version)
			.query((rs, row) -> new UserFactor(FactorKind.valueOf(rs.getString("kind")),
					FactorScope.parse(rs.getString("scope")).orElseThrow(), rs.getDouble("value"),
					localDate(rs.getDate("valid_from")), localDate(rs.getDate("valid_to")), rs.getString("source"),
					rs.getString("notes"), name, version, rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private void insertVersion(UUID id, int version, FactorSetInput input, String user, List<UserFactor> values) {
		// a dated value the version adds, changes or drops must not reach into a locked
		// period; an undated value is used for a locked period's dates only if it was
		// recorded before the period was approved (activeAt)
		List<UserFactor> previous = (version > 1) ? values(id, "-", version - 1) : List.of();
		Set<List<Object>> before = previous.stream().map(FactorSets::identity).collect(Collectors.toSet());
		Set<List<Object>> after = values.stream().map(FactorSets::identity).collect(Collectors.toSet());
		for (UserFactor value : values) {
			if (!before.contains(identity(value))) {
				requireUnlocked(value, "A " + value.kind() + " value of factor set '" + value.setName() + "' valid ");
			}
		}
		for (UserFactor value : previous) {
			if (!after.contains(identity(value))) {
				requireUnlocked(value, "Dropping or changing the " + value.kind() + " value " + value.value() + " ("
						+ value.scope() + ") of the set's version " + (version - 1) + ", valid ");
			}
		}
		this.jdbc
			.sql("insert into factor_set_version (set_id, version, created_at, created_by, note)"
					+ " values (?, ?, ?, ?, ?)")
			.params(id, version, timestamp(), user, text(input.note()))
			.update();
		for (int i = 0; i < values.size(); i++) {
			UserFactor value = values.get(i);
			this.jdbc.sql("""
					insert into factor_set_value (set_id, version, position, kind, scope, value, unit,
					                              valid_from, valid_to, source, notes)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, version, i, value.kind().name(), value.scope().toString(), value.value(),
						value.kind().unit(), value.validFrom(), value.validTo(), value.source(), value.notes())
				.update();
		}
	}

	private void requireUnlocked(UserFactor value, String change) {
		if (value.validFrom() != null || value.validTo() != null) {
			this.locks.requireUnlocked(value.validFrom(), value.validTo(),
					change + ((value.validFrom() != null) ? "from " + value.validFrom() + " " : "")
							+ ((value.validTo() != null) ? "to " + value.validTo() : "onwards"));
		}
	}

	/** What makes two values the same value (as stored: 10 decimals). */
	private static List<Object> identity(UserFactor value) {
		return java.util.Arrays.asList(value.kind(), value.scope().toString(),
				java.math.BigDecimal.valueOf(value.value()).setScale(10, java.math.RoundingMode.HALF_EVEN),
				value.validFrom(), value.validTo());
	}

	private static List<UserFactor> validate(FactorSetInput input, List<FieldProblem> problems, String name,
			int version) {
		List<UserFactor> values = new ArrayList<>();
		if (input.values() == null || input.values().isEmpty()) {
			problems.add(new FieldProblem("values", "at least one value is required"));
			return values;
		}
		for (int i = 0; i < input.values().size(); i++) {
			FactorSetValueValidator.check("values[" + i + "]", input.values().get(i), problems, name, version)
				.ifPresent(values::add);
		}
		return values;
	}

	private java.sql.Timestamp timestamp() {
		return java.sql.Timestamp.from(Instant.now(this.clock));
	}

	private static String text(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
