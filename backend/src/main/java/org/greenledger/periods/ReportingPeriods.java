package org.greenledger.periods;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting periods and their review: created as DRAFT, submitted for review, sent back
 * or approved (locked); an approved version is restated by opening a new version with a
 * reason. Every transition is recorded, and written to the audit log with before and
 * after.
 */
@Service
public class ReportingPeriods {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReportingPeriods(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every version of every period, latest start first, then by name and version. */
	public List<ReportingPeriod> all() {
		return this.jdbc.sql("select * from reporting_period order by period_start desc, name, version desc")
			.query(ReportingPeriods::period)
			.list();
	}

	public Optional<ReportingPeriod> get(UUID id) {
		return this.jdbc.sql("select * from reporting_period where id = ?")
			.param(id)
			.query(ReportingPeriods::period)
			.optional();
	}

	public ReportingPeriod require(UUID id) {
		return get(id).orElseThrow(() -> ApiProblemException.notFound("No reporting period " + id + "."));
	}

	@Transactional
	public ReportingPeriod create(@Nullable String name, @Nullable LocalDate start, @Nullable LocalDate end,
			String user) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = (name != null) ? name.strip() : "";
		if (text.isEmpty() || text.length() > 100) {
			problems.add(new FieldProblem("name", "required, at most 100 characters (for example FY2025)"));
		}
		if (start == null || end == null || end.isBefore(start) || start.plusYears(5).isBefore(end)) {
			problems.add(new FieldProblem("end", "a start and an end on or after it, at most 5 years apart"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (this.jdbc.sql("select count(*) from reporting_period where lower(name) = lower(?)")
			.param(text)
			.query(Integer.class)
			.single() > 0) {
			throw ApiProblemException.conflict("A reporting period named '" + text + "' exists already.");
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc
			.sql("""
					insert into reporting_period (id, name, period_start, period_end, version, status, created_at, created_by)
					values (?, ?, ?, ?, 1, 'DRAFT', ?, ?)""")
			.params(id, text, start, end, Timestamp.from(now), user)
			.update();
		transition(id, null, PeriodStatus.DRAFT, user, "created", now);
		ReportingPeriod period = require(id);
		this.audit.record(user, "PERIOD_CREATED", subject(period), Map.of("after", describe(period)));
		return period;
	}

	/**
	 * Moves a version on: DRAFT to IN_REVIEW, IN_REVIEW back to DRAFT or on to APPROVED.
	 * An approved version does not move (409): restate it.
	 */
	@Transactional
	public ReportingPeriod move(UUID id, @Nullable String target, @Nullable String note, String user) {
		ReportingPeriod before = this.jdbc.sql("select * from reporting_period where id = ? for update")
			.param(id)
			.query(ReportingPeriods::period)
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("No reporting period " + id + "."));
		PeriodStatus to;
		try {
			to = PeriodStatus.valueOf(String.valueOf(target).strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblemException
				.invalidFields(List.of(new FieldProblem("status", "one of DRAFT, IN_REVIEW, APPROVED")));
		}
		boolean allowed = switch (before.status()) {
			case DRAFT -> to == PeriodStatus.IN_REVIEW;
			case IN_REVIEW -> to == PeriodStatus.DRAFT || to == PeriodStatus.APPROVED;
			case APPROVED -> false;
		};
		if (!allowed) {
			throw ApiProblemException
				.conflict("Reporting period '" + before.name() + "' version " + before.version() + " is "
						+ before.status() + " and cannot move to " + to + ((before.status() == PeriodStatus.APPROVED)
								? ": it is approved and locked; open a restatement to change it." : "."));
		}
		if (to == PeriodStatus.APPROVED) {
			// waits for the writes that checked the locks and have not committed yet
			PeriodLocks.exclusive(this.jdbc);
		}
		Instant now = Instant.now(this.clock);
		if (to == PeriodStatus.APPROVED) {
			this.jdbc.sql("update reporting_period set status = ?, approved_at = ?, approved_by = ? where id = ?")
				.params(to.name(), Timestamp.from(now), user, id)
				.update();
		}
		else {
			this.jdbc.sql("update reporting_period set status = ? where id = ?").params(to.name(), id).update();
		}
		transition(id, before.status(), to, user, note, now);
		ReportingPeriod after = require(id);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("before", describe(before));
		details.put("after", describe(after));
		details.put("note", note);
		this.audit.record(user, (to == PeriodStatus.APPROVED) ? "PERIOD_APPROVED" : "PERIOD_" + to.name(),
				subject(after), details);
		return after;
	}

	/**
	 * Opens a new version (DRAFT) of an approved, not yet restated version; the approved
	 * version stays as it is and points to its successor.
	 */
	@Transactional
	public ReportingPeriod restate(UUID id, @Nullable String reason, String user) {
		ReportingPeriod approved = this.jdbc.sql("select * from reporting_period where id = ? for update")
			.param(id)
			.query(ReportingPeriods::period)
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("No reporting period " + id + "."));
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty() || text.length() > 2000) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("reason",
					"why the approved figures are restated (required, at most 2,000 characters)")));
		}
		if (!approved.locked()) {
			throw ApiProblemException.conflict(
					"Only an approved version that has not been restated can be" + " restated; '" + approved.name()
							+ "' version " + approved.version() + " is " + ((approved.supersededBy() != null)
									? "restated by " + approved.supersededBy() : approved.status().name())
							+ ".");
		}
		UUID next = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into reporting_period (id, name, period_start, period_end, version, status, restates, reason,
				                              created_at, created_by, net_revenue_amount, net_revenue_currency)
				values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)""")
			.params(next, approved.name(), approved.start(), approved.end(), approved.version() + 1, id, text,
					Timestamp.from(now), user, (approved.netRevenue() != null) ? approved.netRevenue().amount() : null,
					(approved.netRevenue() != null) ? approved.netRevenue().currency() : null)
			.update();
		this.jdbc.sql("update reporting_period set superseded_by = ? where id = ?").params(next, id).update();
		transition(next, null, PeriodStatus.DRAFT, user, "restatement of version " + approved.version() + ": " + text,
				now);
		ReportingPeriod restatement = require(next);
		this.audit.record(user, "PERIOD_RESTATED", subject(restatement),
				Map.of("restates", describe(approved), "after", describe(restatement), "reason", text));
		return restatement;
	}

	/**
	 * Enters the net revenue of a version that is not approved (DRAFT or IN_REVIEW),
	 * replacing the one entered before; audited with before and after. An approved
	 * version keeps its value (409): restate it.
	 * @throws ApiProblemException 422 naming the invalid field, 409 for an approved
	 * version
	 */
	@Transactional
	public ReportingPeriod enterNetRevenue(UUID id, NetRevenue input, String user) {
		ReportingPeriod before = this.jdbc.sql("select * from reporting_period where id = ? for update")
			.param(id)
			.query(ReportingPeriods::period)
			.optional()
			.orElseThrow(() -> ApiProblemException.notFound("No reporting period " + id + "."));
		NetRevenue revenue = input.checked("netRevenue");
		if (before.status() == PeriodStatus.APPROVED) {
			throw new PeriodLockedException(before, "Entering the net revenue");
		}
		this.jdbc.sql("update reporting_period set net_revenue_amount = ?, net_revenue_currency = ? where id = ?")
			.params(revenue.amount(), revenue.currency(), id)
			.update();
		ReportingPeriod after = require(id);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("before", (before.netRevenue() != null) ? before.netRevenue().text() : null);
		details.put("after", revenue.text());
		this.audit.record(user, "PERIOD_NET_REVENUE_ENTERED", subject(after), details);
		return after;
	}

	/** The transitions of a version, oldest first. */
	public List<Map<String, Object>> transitions(UUID id) {
		return this.jdbc.sql("""
				select at, actor, from_status, to_status, note from reporting_period_transition
				where period_id = ? order by at""").param(id).query((rs, row) -> {
			Map<String, Object> transition = new LinkedHashMap<>();
			transition.put("at", rs.getTimestamp("at").toInstant().toString());
			transition.put("actor", rs.getString("actor"));
			transition.put("from", rs.getString("from_status"));
			transition.put("to", rs.getString("to_status"));
			transition.put("note", rs.getString("note"));
			return transition;
		}).list();
	}

	private void transition(UUID id, @Nullable PeriodStatus from, PeriodStatus to, String user, @Nullable String note,
			Instant at) {
		this.jdbc.sql("""
				insert into reporting_period_transition (period_id, at, actor, from_status, to_status, note)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(at), user, (from != null) ? from.name() : null, to.name(), note)
			.update();
	}

	private static String subject(ReportingPeriod period) {
		return "period:" + period.name() + "/v" + period.version();
	}

	private static Map<String, Object> describe(ReportingPeriod period) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", period.id().toString());
		map.put("status", period.status().name());
		map.put("start", period.start().toString());
		map.put("end", period.end().toString());
		map.put("version", period.version());
		map.put("supersededBy", (period.supersededBy() != null) ? period.supersededBy().toString() : null);
		return map;
	}

	static ReportingPeriod period(ResultSet rs, int row) throws SQLException {
		Timestamp approved = rs.getTimestamp("approved_at");
		return new ReportingPeriod(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getInt("version"), PeriodStatus.valueOf(rs.getString("status")),
				rs.getObject("restates", UUID.class), rs.getString("reason"), rs.getObject("superseded_by", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				(approved != null) ? approved.toInstant() : null, rs.getString("approved_by"), netRevenue(rs));
	}

	private static @Nullable NetRevenue netRevenue(ResultSet rs) throws SQLException {
		java.math.BigDecimal amount = rs.getBigDecimal("net_revenue_amount");
		return (amount != null) ? new NetRevenue(amount, rs.getString("net_revenue_currency")) : null;
	}

}
