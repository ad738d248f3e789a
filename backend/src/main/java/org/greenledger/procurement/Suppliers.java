package org.greenledger.procurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier registry and their disclosures (versioned, never changed), with the
 * profile a disclosure gives for scoring. Every change is in the audit log.
 */
@Service
public class Suppliers {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Suppliers(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Supplier> all() {
		return this.jdbc.sql("select * from supplier order by name").query(Suppliers::supplier).list();
	}

	public Optional<Supplier> get(UUID id) {
		return this.jdbc.sql("select * from supplier where id = ?").param(id).query(Suppliers::supplier).optional();
	}

	public Supplier require(UUID id) {
		return get(id).orElseThrow(() -> ApiProblemException.notFound("No supplier " + id + "."));
	}

	@Transactional
	public Supplier create(@Nullable String name, @Nullable String type, @Nullable String website,
			@Nullable String description, @Nullable List<Supplier.Contact> contacts, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = (name != null) ? name.strip() : "";
		if (text.isEmpty() || text.length() > 200) {
			problems.add(new FieldProblem("name", "required, at most 200 characters"));
		}
		SupplierType kind = null;
		try {
			kind = SupplierType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("type", "one of " + List.of(SupplierType.values())));
		}
		if (website != null && !website.isBlank() && !website.strip().matches("https?://\\S{1,490}")) {
			problems.add(new FieldProblem("website", "an http or https address"));
		}
		List<Supplier.Contact> people = (contacts != null) ? contacts : List.of();
		for (int i = 0; i < people.size(); i++) {
			Supplier.Contact contact = people.get(i);
			if (contact.name() == null || contact.name().isBlank()) {
				problems.add(new FieldProblem("contacts[" + i + "].name", "required"));
			}
			if (contact.email() != null && !contact.email().matches("[^@\\s]+@[^@\\s]+")) {
				problems.add(new FieldProblem("contacts[" + i + "].email", "an e-mail address"));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (this.jdbc.sql("select count(*) from supplier where lower(name) = lower(?)")
			.param(text)
			.query(Integer.class)
			.single() > 0) {
			throw ApiProblemException.conflict("A supplier named '" + text + "' exists already.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into supplier (id, name, type, website, description, contacts, created_at, created_by)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(id, text, kind.name(), (website != null && !website.isBlank()) ? website.strip() : null,
					(description != null) ? description.strip() : "", Methodologies.JSON.writeValueAsString(people),
					Timestamp.from(Instant.now(this.clock)), user)
			.update();
		this.audit.record(user, "SUPPLIER_CREATED", "supplier:" + id, Map.of("name", text, "type", kind.name()));
		return require(id);
	}

	/** Every disclosure version of a supplier, latest first. */
	public List<SupplierDisclosure> disclosures(UUID supplierId) {
		return this.jdbc.sql("select * from supplier_disclosure where supplier_id = ? order by version desc")
			.param(supplierId)
			.query(Suppliers::disclosure)
			.list();
	}

	/**
	 * Records a new disclosure version.
	 * @param values by criterion key: numbers, levels (text) or booleans
	 */
	@Transactional
	public SupplierDisclosure disclose(UUID supplierId, String source, Map<String, Object> values,
			@Nullable String evidence, @Nullable String evidenceSha256, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, String user) {
		Supplier supplier = this.jdbc.sql("select * from supplier where id = ? for update")
			.param(supplierId)
			.query(Suppliers::supplier)
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("No supplier " + supplierId + "."));
		List<FieldProblem> problems = new ArrayList<>();
		if (evidence == null || evidence.isBlank() || evidence.length() > 1000) {
			problems.add(new FieldProblem("evidence", "the document or link the values come from (required)"));
		}
		if (validFrom == null || validTo == null || validTo.isBefore(validFrom)) {
			problems.add(new FieldProblem("validTo", "a validity start and an end on or after it"));
		}
		if (values.isEmpty()) {
			problems.add(new FieldProblem("values", "at least one disclosed value"));
		}
		values.forEach((key, value) -> {
			if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
				problems.add(new FieldProblem("values." + key, "a number, a text level or true/false"));
			}
		});
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		int version = this.jdbc
			.sql("select coalesce(max(version), 0) + 1 from supplier_disclosure where supplier_id = ?")
			.param(supplierId)
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into supplier_disclosure (id, supplier_id, version, source, values, evidence, evidence_sha256,
				                                 valid_from, valid_to, entered_at, entered_by)
				values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
			.params(id, supplierId, version, source, Methodologies.JSON.writeValueAsString(new LinkedHashMap<>(values)),
					evidence.strip(), evidenceSha256, validFrom, validTo, Timestamp.from(Instant.now(this.clock)), user)
			.update();
		this.audit.record(user, "SUPPLIER_DISCLOSURE_RECORDED", "supplier:" + supplier.name(),
				Map.of("version", version, "source", source, "values", values, "evidence", evidence.strip()));
		return disclosures(supplierId).get(0);
	}

	/**
	 * The profile for scoring on a date: for each criterion, the value of the latest
	 * disclosure version valid on that date that has one (a questionnaire and a PACT
	 * import complement each other), with its evidence; data freshness from the latest
	 * valid version. Empty when no version is valid (every criterion then scores its
	 * missing-data penalty).
	 */
	public Map<String, ProfileValue> profile(UUID supplierId, LocalDate date) {
		Map<String, ProfileValue> profile = new HashMap<>();
		List<SupplierDisclosure> valid = disclosures(supplierId).stream().filter(d -> d.validOn(date)).toList();
		for (SupplierDisclosure d : valid) {
			String evidence = "disclosure v" + d.version() + " (" + d.source() + ", valid " + d.validFrom() + " to "
					+ d.validTo() + ", entered by " + d.enteredBy() + "): " + d.evidence();
			d.values().forEach((key, value) -> {
				if (profile.containsKey(key) || value == null) {
					return;
				}
				if (value instanceof Number number) {
					profile.put(key, ProfileValue.of(number.doubleValue(), evidence));
				}
				else if (value instanceof Boolean flag) {
					profile.put(key, ProfileValue.of(flag ? "yes" : "no", evidence));
				}
				else {
					profile.put(key, ProfileValue.of(value.toString(), evidence));
				}
			});
		}
		if (!valid.isEmpty() && !profile.containsKey("data.age_years")) {
			SupplierDisclosure latest = valid.get(0);
			double years = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(latest.validFrom(), date) / 365.25);
			profile.put("data.age_years", ProfileValue.of(years,
					"disclosure v" + latest.version() + " valid from " + latest.validFrom() + " (age of the data)"));
		}
		return profile;
	}

	private static Supplier supplier(ResultSet rs, int row) throws SQLException {
		return new Supplier(rs.getObject("id", UUID.class), rs.getString("name"),
				SupplierType.valueOf(rs.getString("type")), rs.getString("website"), rs.getString("description"),
				Methodologies.JSON.readValue(rs.getString("contacts"), new TypeReference<List<Supplier.Contact>>() {
				}), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private static SupplierDisclosure disclosure(ResultSet rs, int row) throws SQLException {
		return new SupplierDisclosure(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getInt("version"), rs.getString("source"),
				Methodologies.JSON.readValue(rs.getString("values"), new TypeReference<Map<String, Object>>() {
				}), rs.getString("evidence"), rs.getString("evidence_sha256"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getTimestamp("entered_at").toInstant(), rs.getString("entered_by"));
	}

}
