package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.table.RowError;
import org.greenledger.ledger.ActivityLineWriter;
import org.greenledger.ledger.StagedRow;

/**
 * Accounts for every row of a billing file (the billing pipeline's tally, as
 * {@code measured.MeasurementTally} is the measured pipeline's): maps accepted rows to
 * lines, calculates their impacts and writes them; counts rows as usage, cost-only or
 * rejected; records every row error; and sums the billed cost per provider and currency,
 * so that the summary reconciles with the file.
 */
final class BillingTally implements BillingRowSink, ReadAhead.Stages<BillingTally.Prepared> {

	static final int PROGRESS_EVERY = 50_000;

	private final BillingMapper mapper;

	private final ScaledImpacts calculator;

	private final ActivityLineWriter writer;

	private final LongConsumer progress;

	private final RowErrors errors;

	private final Map<CostKey, Costs> costs = new LinkedHashMap<>();

	private long read;

	private long accepted;

	private long costOnly;

	private long rejected;

	BillingTally(BillingMapper mapper, FootprintEngine engine, ActivityLineWriter writer, RowErrors errors,
			LongConsumer progress) {
		this.mapper = mapper;
		this.errors = errors;
		this.calculator = new ScaledImpacts(engine);
		this.writer = writer;
		this.progress = progress;
	}

	@Override
	public void accept(BillingRow record) {
		accept(prepare(record));
	}

	/**
	 * Maps a row to its lines, calculates their impacts and stages them with the writer
	 * ({@link ActivityLineWriter#stage}); touches nothing {@link #accept(Prepared)} does,
	 * so it can run on a thread of its own ahead of it, in the rows' order.
	 */
	@Override
	public Prepared prepare(BillingRow record) {
		List<SourceLine> lines = this.mapper.map(record);
		SourceLine first = lines.get(0);
		List<ImpactLine> units = List.of();
		double @Nullable [] scales = null;
		if (!first.costOnly()) {
			try {
				ImpactLine[] found = new ImpactLine[lines.size()];
				scales = new double[found.length];
				for (int i = 0; i < found.length; i++) {
					SourceLine line = lines.get(i);
					found[i] = unitImpacts(line);
					scales[i] = ScaledImpacts.scale(java.util.Objects.requireNonNull(line.usage()));
					this.calculator.checkScaled(found[i], scales[i]);
				}
				units = Arrays.asList(found);
			}
			catch (MissingFactorException ex) {
				lines = List.of(new SourceLine(first.row(), 0, null, null, null, ex.getMessage(), first.periodStart(),
						first.periodEnd(), first.provider(), first.accountId(), first.region(), first.service(),
						first.serviceCategory(), first.chargeCategory(), record.billedCost(), record.effectiveCost(),
						record.currency(), first.tags()));
				units = List.of();
				scales = null;
			}
		}
		return new Prepared(first.row(), units.isEmpty(), lines.get(0).provider(), record.currency(),
				record.billedCost(), this.writer.stage(lines, units, scales));
	}

	/** Counts a prepared row, sums its cost and writes its lines. */
	@Override
	public void accept(Prepared prepared) {
		counted();
		Costs costs = costs(prepared.provider(), prepared.currency());
		if (prepared.costOnly()) {
			this.costOnly++;
			costs.costOnly = costs.costOnly.add(prepared.billedCost());
		}
		else {
			this.accepted++;
			costs.usage = costs.usage.add(prepared.billedCost());
		}
		try {
			this.writer.write(prepared.staged());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage row " + prepared.row() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A row mapped to its lines, with their impacts calculated and staged for the writer;
	 * with what its count and cost totals need.
	 */
	record Prepared(long row, boolean costOnly, @Nullable String provider, @Nullable String currency,
			BigDecimal billedCost, StagedRow staged) {
	}

	@Override
	public void reject(long row, List<RowError> rowErrors, @Nullable BigDecimal billedCost) {
		counted();
		this.rejected++;
		for (RowError error : rowErrors) {
			this.errors.add(error);
		}
		if (billedCost != null) {
			Costs costs = costs("(rejected rows)", null);
			costs.rejected = costs.rejected.add(billedCost);
		}
	}

	private void counted() {
		this.read++;
		if (this.read % PROGRESS_EVERY == 0) {
			this.progress.accept(this.read);
		}
	}

	private @Nullable Instant lastStart;

	private @Nullable LocalDate lastStartDay;

	private @Nullable Instant lastEnd;

	private @Nullable LocalDate lastEndDay;

	/**
	 * The impacts per unit of a usage line's usage ({@link ScaledImpacts#unitImpacts}),
	 * used from the day its charge period starts to the day it ends (the end instant is
	 * exclusive), as a purchased cloud service (scope 3, category 1).
	 */
	private ImpactLine unitImpacts(SourceLine line) {
		// rows repeat the same few period boundaries, read as the same instances
		if (line.periodStart() != this.lastStart) {
			this.lastStart = line.periodStart();
			this.lastStartDay = LocalDate.ofInstant(line.periodStart(), ZoneOffset.UTC);
		}
		if (line.periodEnd() != this.lastEnd) {
			this.lastEnd = line.periodEnd();
			this.lastEndDay = LocalDate.ofInstant(line.periodEnd().minusNanos(1), ZoneOffset.UTC);
		}
		LocalDate start = java.util.Objects.requireNonNull(this.lastStartDay);
		LocalDate end = java.util.Objects.requireNonNull(this.lastEndDay);
		// the row's tags are stored with the row; the engine needs neither them nor the
		// row
		return this.calculator.unitImpacts(java.util.Objects.requireNonNull(line.usage()),
				java.util.Objects.requireNonNull(line.location()), start, end.isBefore(start) ? start : end, null);
	}

	private @Nullable String lastProvider;

	private @Nullable String lastCurrency;

	private @Nullable Costs lastCosts;

	private Costs costs(@Nullable String provider, @Nullable String currency) {
		// rows repeat the same few providers and currencies, read as the same instances
		Costs last = this.lastCosts;
		if (last != null && provider == this.lastProvider && currency == this.lastCurrency) {
			return last;
		}
		Costs costs = this.costs.computeIfAbsent(new CostKey(provider, currency),
				k -> new Costs(provider != null ? provider : "(none)", currency != null ? currency : "(none)"));
		this.lastProvider = provider;
		this.lastCurrency = currency;
		this.lastCosts = costs;
		return costs;
	}

	RowAccount account() {
		return new RowAccount(read(), accepted(), costOnly(), rejected(), errors(), costs());
	}

	long read() {
		return this.read;
	}

	long accepted() {
		return this.accepted;
	}

	long costOnly() {
		return this.costOnly;
	}

	long rejected() {
		return this.rejected;
	}

	double rejectedShare() {
		return (this.read == 0) ? 0 : this.rejected / (double) this.read;
	}

	List<RowError> errors() {
		return this.errors.kept();
	}

	/**
	 * Billed cost per provider and currency: in usage rows, cost-only rows and rejected
	 * rows.
	 */
	List<Map<String, Object>> costs() {
		return this.costs.values()
			.stream()
			.map(each -> Map.<String, Object>of("provider", each.provider, "currency", each.currency, "billedTotal",
					each.usage.add(each.costOnly).add(each.rejected), "billedInUsageRows", each.usage,
					"billedInCostOnlyRows", each.costOnly, "billedInRejectedRows", each.rejected))
			.toList();
	}

	private record CostKey(@Nullable String provider, @Nullable String currency) {
	}

	private static final class Costs {

		final String provider;

		final String currency;

		BigDecimal usage = BigDecimal.ZERO;

		BigDecimal costOnly = BigDecimal.ZERO;

		BigDecimal rejected = BigDecimal.ZERO;

		Costs(String provider, String currency) {
			this.provider = provider;
			this.currency = currency;
		}

	}

}
