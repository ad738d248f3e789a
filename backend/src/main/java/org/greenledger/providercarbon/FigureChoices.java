package org.greenledger.providercarbon;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.inventory.ChosenProviderMonth;
import org.greenledger.inventory.ProviderFigureChoices;
import org.greenledger.periods.PeriodLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's choice, per provider and month, of the figure its inventory reports
 * for that provider's cloud usage: GreenLedger's estimate (the default) or the provider's
 * own. A choice is recorded in the audit log and refused for months of an approved
 * (locked) reporting period.
 */
@Service
public class FigureChoices implements ProviderFigureChoices {

	/** The most months one choice covers. */
	static final int MAX_MONTHS = 120;

	private final JdbcClient jdbc;

	private final PeriodLocks locks;

	private final AuditLog audit;

	private final ProviderCarbonQuery query;

	private final Clock clock;

	FigureChoices(JdbcClient jdbc, PeriodLocks locks, AuditLog audit, ProviderCarbonQuery query, Clock clock) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.audit = audit;
		this.query = query;
		this.clock = clock;
	}

	/**
	 * Records the choice for the provider's months {@code from} to {@code to}
	 * (inclusive).
	 * @return the choices of those months afterwards
	 * @throws IllegalArgumentException when the months are not a range of at most
	 * {@value #MAX_MONTHS}
	 * @throws org.greenledger.periods.PeriodLockedException when an approved period holds
	 * one of the months
	 */
	@Transactional
	public List<FigureChoice> choose(Provider provider, YearMonth from, YearMonth to, ReportedFigure figure,
			@Nullable String reason, String actor) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the last month is before the first");
		}
		if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
			throw new IllegalArgumentException("one choice covers at most " + MAX_MONTHS + " months");
		}
		this.locks.requireUnlocked(from.atDay(1), to.atEndOfMonth(),
				"Choosing the " + describe(figure) + " for " + provider.label() + " " + from + " to " + to);
		List<FigureChoice> before = choices(from, to, Optional.of(provider));
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		String text = (reason == null || reason.isBlank()) ? null : reason.strip();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			this.jdbc.sql("""
					insert into provider_figure_choice (provider, month, figure, chosen_by, chosen_at, reason)
					values (?, ?, ?, ?, ?, ?)
					on conflict (provider, month) do update set figure = excluded.figure,
					    chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at, reason = excluded.reason""")
				.params(provider.label(), Date.valueOf(month.atDay(1)), figure.name(), actor, Timestamp.from(now), text)
				.update();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("provider", provider.label());
		details.put("from", from.toString());
		details.put("to", to.toString());
		details.put("figure", figure.name());
		details.put("reason", text);
		details.put("before",
				before.stream().map(choice -> choice.from() + " to " + choice.to() + ": " + choice.figure()).toList());
		this.audit.record(actor, "PROVIDER_FIGURE_CHOSEN", "provider figures " + provider.label(), details);
		return choices(from, to, Optional.of(provider));
	}

	/**
	 * The recorded choices of the months {@code from} to {@code to}, consecutive months
	 * chosen together merged; months without one report GreenLedger's estimate.
	 */
	public List<FigureChoice> choices(YearMonth from, YearMonth to, Optional<Provider> provider) {
		record Row(String provider, YearMonth month, ReportedFigure figure, String by, Instant at,
				@Nullable String reason) {
		}
		List<Row> rows = this.jdbc.sql("""
				select provider, month, figure, chosen_by, chosen_at, reason from provider_figure_choice
				where month >= ? and month <= ? and (cast(? as text) is null or provider = ?)
				order by provider, month""")
			.params(Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)), provider.map(Provider::label).orElse(null),
					provider.map(Provider::label).orElse(null))
			.query((rs, row) -> new Row(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
					ReportedFigure.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
		List<FigureChoice> choices = new ArrayList<>();
		FigureChoice open = null;
		for (Row row : rows) {
			if (open != null && open.provider().equals(row.provider()) && open.to().plusMonths(1).equals(row.month())
					&& open.figure() == row.figure() && open.chosenBy().equals(row.by())
					&& open.chosenAt().equals(row.at()) && Objects.equals(open.reason(), row.reason())) {
				open = new FigureChoice(open.provider(), open.from(), row.month(), open.figure(), open.chosenBy(),
						open.chosenAt(), open.reason());
				continue;
			}
			if (open != null) {
				choices.add(open);
			}
			open = new FigureChoice(row.provider(), row.month(), row.month(), row.figure(), row.by(), row.at(),
					row.reason());
		}
		if (open != null) {
			choices.add(open);
		}
		return choices;
	}

	/**
	 * The months whose first day lies in {@code from} to {@code to} for which the
	 * provider's figure is chosen, with the provider's figures of each.
	 */
	@Override
	public List<ChosenProviderMonth> providerFiguresChosen(LocalDate from, LocalDate to) {
		List<ChosenProviderMonth> months = new ArrayList<>();
		for (FigureChoice choice : choices(YearMonth.from(from), YearMonth.from(to), Optional.empty())) {
			if (choice.figure() != ReportedFigure.PROVIDER) {
				continue;
			}
			Provider provider = Provider.ofLabel(choice.provider());
			Map<String, ProviderCarbonQuery.Group> groups = new LinkedHashMap<>();
			this.query.carbon(choice.from().atDay(1), choice.to().atDay(1), Optional.of("month"), Optional.of(provider))
				.forEach(group -> groups.put(group.key(), group));
			for (YearMonth month = choice.from(); !month.isAfter(choice.to()); month = month.plusMonths(1)) {
				if (month.atDay(1).isBefore(from)) {
					continue;
				}
				ProviderCarbonQuery.Group group = groups.get(month.toString());
				ProviderFigures figures = (group != null) ? group.kgCo2e() : null;
				months.add(new ChosenProviderMonth(provider.label(), provider.ledgerNames(), month, figures != null,
						(figures != null) ? figures.totalLocationBased() : null,
						(figures != null) ? figures.totalMarketBased() : null,
						(figures != null) ? figures.scope3MarketBased() : null,
						(group != null) ? group.modelVersions() : List.of()));
			}
		}
		return months;
	}

	/** Whether the provider's figure is chosen for the month. */
	boolean providerChosen(Provider provider, YearMonth month) {
		return this.jdbc
			.sql("select count(*) from provider_figure_choice where provider = ? and month = ? and figure = 'PROVIDER'")
			.params(provider.label(), Date.valueOf(month.atDay(1)))
			.query(Long.class)
			.single() > 0;
	}

	private static String describe(ReportedFigure figure) {
		return (figure == ReportedFigure.PROVIDER) ? "provider's figure" : "GreenLedger estimate";
	}

}
