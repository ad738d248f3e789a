package org.greenledger.reduction;

import java.sql.Date;
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
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.audit.AuditLog;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities marked as adopted (ESRS E1-3 actions): the opportunity is found again as
 * the caller saw it, stored with its figures and the subject's baseline emissions
 * (audited, never changed), and its realized saving is computed from the ledger
 * afterwards: the baseline's emissions per day times the days since adoption, less the
 * subject's emissions over those days, both measured the same way by the opportunity's
 * kind.
 */
@Service
public class Adoptions {

	/** The longest baseline period (as for the opportunities API). */
	static final int MAX_DAYS = 366;

	private final Opportunities opportunities;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Adoptions(Opportunities opportunities, JdbcClient jdbc, AuditLog audit, JsonMapper json, Clock clock) {
		this.opportunities = opportunities;
		this.jdbc = jdbc;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Every adoption within the scope, the latest adopted first. */
	public List<Adoption> all(OrgUnitScope scope) {
		List<Adoption> all = this.jdbc.sql("select * from reduction_adoption order by adopted_on desc, created_at desc")
			.query(this::adoption)
			.list();
		return scope.filter(all, Adoption::orgUnit);
	}

	/** An adoption within the scope, or 404 (also for another unit's). */
	public Adoption require(UUID id, OrgUnitScope scope) {
		return this.jdbc.sql("select * from reduction_adoption where id = ?")
			.param(id)
			.query(this::adoption)
			.optional()
			.filter(adoption -> scope.includes(adoption.orgUnit()))
			.orElseThrow(() -> ApiProblemException.notFound("No adoption " + id + "."));
	}

	/**
	 * Marks an opportunity adopted: it must be one the opportunities of the period (for
	 * the org unit, within the scope) list.
	 */
	@Transactional
	public Adoption adopt(AdoptionInput input, OrgUnitScope scope, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		OpportunityKind kind = kind(input.kind());
		if (kind == null) {
			problems.add(new FieldProblem("kind", "one of " + List.of(OpportunityKind.values())));
		}
		String subject = (input.subject() != null) ? input.subject().strip() : "";
		if (subject.isEmpty()) {
			problems.add(new FieldProblem("subject", "required: the opportunity's subject name"));
		}
		LocalDate from = input.from();
		LocalDate to = input.to();
		if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			problems.add(new FieldProblem("to",
					"from and to required: the period the opportunity was found in, at most " + MAX_DAYS + " days"));
		}
		LocalDate adoptedOn = input.adoptedOn();
		if (adoptedOn == null || to != null && !adoptedOn.isAfter(to)) {
			problems.add(new FieldProblem("adoptedOn",
					"required: the first day the change is in effect, after the period it was found in"));
		}
		String note = (input.note() != null) ? input.note().strip() : "";
		if (note.length() > 1000) {
			problems.add(new FieldProblem("note", "at most 1,000 characters"));
		}
		String unit = (input.orgUnit() != null && !input.orgUnit().isBlank()) ? input.orgUnit().strip() : null;
		if (!scope.includes(unit)) {
			problems.add(new FieldProblem("orgUnit", "one of your org units: " + String.join(", ", scope.codes())));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		OpportunityQuery query = new OpportunityQuery(from, to, (unit != null) ? Set.of(unit) : Set.of(), scope);
		Opportunity found = this.opportunities.find(query)
			.stream()
			.filter(each -> each.kind() == kind && each.subject().name().equals(subject))
			.findFirst()
			.orElseThrow(() -> ApiProblemException
				.invalidFields(List.of(new FieldProblem("subject", "no " + kind + " opportunity for '" + subject
						+ "' from " + from + " to " + to + "; adopt one that the opportunities of that period list"))));
		double baseline = this.opportunities.finder(kind).emissions(found.subject(), query, false);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into reduction_adoption (id, kind, subject_name, org_unit, baseline_from, baseline_to, baseline_kg,
					    adopted_on, saving_kg, opportunity, note, created_at, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(id, kind.name(), subject, unit, Date.valueOf(from), Date.valueOf(to), baseline,
					Date.valueOf(adoptedOn), found.savingKgCo2e(), this.json.writeValueAsString(found), note,
					Timestamp.from(Instant.now(this.clock)), user)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", kind.name());
		details.put("subject", subject);
		details.put("orgUnit", (unit != null) ? unit : "");
		details.put("baseline", from + ".." + to);
		details.put("baselineKgCo2e", baseline);
		details.put("savingKgCo2e", found.savingKgCo2e());
		details.put("adoptedOn", adoptedOn.toString());
		this.audit.record(user, "OPPORTUNITY_ADOPTED", "adoption:" + id, details);
		return require(id, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The saving an adoption realized from {@code from} to {@code to} (only the days on
	 * or after its adoption count); empty when none of them are.
	 */
	public Optional<Adoption.Realized> realized(Adoption adoption, LocalDate from, LocalDate to) {
		LocalDate start = from.isBefore(adoption.adoptedOn()) ? adoption.adoptedOn() : from;
		if (to.isBefore(start)) {
			return Optional.empty();
		}
		long days = to.toEpochDay() - start.toEpochDay() + 1;
		Set<String> units = (adoption.orgUnit() != null) ? Set.of(adoption.orgUnit()) : Set.of();
		double actual = this.opportunities.finder(adoption.opportunity().kind())
			.emissions(adoption.opportunity().subject(),
					new OpportunityQuery(start, to, units, OrgUnitScope.UNRESTRICTED), true);
		double baseline = adoption.baselineKgCo2e() / adoption.baselineDays() * days;
		return Optional.of(new Adoption.Realized(start, to, days, baseline, actual, baseline - actual,
				adoption.expectedKgCo2ePerDay() * days));
	}

	/** The saving realized from the adoption up to yesterday (UTC). */
	public Optional<Adoption.Realized> realizedToDate(Adoption adoption) {
		return realized(adoption, adoption.adoptedOn(), LocalDate.now(this.clock).minusDays(1));
	}

	private static @Nullable OpportunityKind kind(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return OpportunityKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Adoption adoption(ResultSet rs, int row) throws SQLException {
		return new Adoption(rs.getObject("id", UUID.class),
				this.json.readValue(rs.getString("opportunity"), Opportunity.class), rs.getString("org_unit"),
				rs.getDate("baseline_from").toLocalDate(), rs.getDate("baseline_to").toLocalDate(),
				rs.getDouble("baseline_kg"), rs.getDate("adopted_on").toLocalDate(), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
