package org.greenledger.ingestion;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.catalog.InstanceHours;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.factors.FactorSets;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.billing.BillingMapper;
import org.greenledger.ledger.ActivityLineWriter;
import org.greenledger.ledger.BillingPeriodOverlaps;
import org.springframework.stereotype.Component;

/**
 * Runs a billing export (FOCUS, AWS CUR, Google Cloud, Azure): reading, mapping and
 * calculating, and writing the activity lines run on three threads; then the rejected
 * rows are held to their limit, the file's months are checked against locked periods and
 * the overlaps with earlier uploads are settled. Every file no other pipeline recognises
 * is read as a billing export (its readers name what they expected).
 */
@Component
class BillingPipeline implements Pipeline {

	private static final Logger log = LoggerFactory.getLogger(BillingPipeline.class);

	private final InstanceCatalog catalog;

	private final SpendCategories spendCategories;

	private final FactorLibrary library;

	private final LibraryFactorLookup lookup;

	private final FactorSets factorSets;

	private final BillingPeriodOverlaps overlaps;

	private final ParquetOpener parquet;

	private final IngestionProperties properties;

	private final JobStore jobs;

	BillingPipeline(InstanceCatalog catalog, SpendCategories spendCategories, FactorLibrary library,
			LibraryFactorLookup lookup, FactorSets factorSets, BillingPeriodOverlaps overlaps, ParquetOpener parquet,
			IngestionProperties properties, JobStore jobs) {
		this.catalog = catalog;
		this.spendCategories = spendCategories;
		this.library = library;
		this.lookup = lookup;
		this.factorSets = factorSets;
		this.overlaps = overlaps;
		this.parquet = parquet;
		this.properties = properties;
		this.jobs = jobs;
	}

	@Override
	public boolean recognises(JobFile file) {
		return true;
	}

	@Override
	public Outcome run(JobFile file) throws IOException, SQLException {
		Job job = file.job();
		UserFactorLookup factors = new UserFactorLookup(this.lookup, this.factorSets.active());
		FootprintEngine engine = new FootprintEngine(factors);
		BillingMapper mapper = new BillingMapper(this.catalog,
				key -> this.library.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1))
					.isPresent(),
				InstanceHours.Hardware.of(this.library), this.spendCategories, factors::hasServiceEnergy);
		try (ActivityLineWriter writer = new ActivityLineWriter(file.connection(), job.id(), job.orgUnit())) {
			BillingTally tally = new BillingTally(mapper, engine, writer, file.errors(),
					read -> this.jobs.progress(job.id(), file.progress(), read));
			long started = System.nanoTime();
			// reading, mapping and calculating, and writing run on three threads
			String format = ReadAhead.runInStages(sink -> (file.parquet() != null)
					? BillingReaders.read(job.fileName(), file.parquet(), job.requestedFormat(), sink)
					: BillingReaders.read(job.fileName(), file.content(), job.requestedFormat(), this.parquet, sink),
					tally);
			long staged = System.nanoTime();
			RejectionLimit limit = this.properties.rejectionLimit(RowKind.BILLING);
			if (limit.refuses(tally.account())) {
				throw new RejectedFileException(tally.account(), limit, format);
			}
			writer.finish();
			this.overlaps.requireUnlocked(job.id(), job.fileName());
			List<BillingPeriodOverlaps.Overlapping> overlapping = this.overlaps.resolve(job.id(), job.overlap(),
					job.keep(), job.createdBy(), job.fileName());
			writer.attach();
			log.info(
					"Job {} ({}): {} rows read, calculated and staged in {} ms; summed, reconciled with earlier"
							+ " uploads ({} overlaps, {}) and attached in {} ms",
					job.id(), job.fileName(), tally.read(), (staged - started) / 1_000_000, overlapping.size(),
					job.overlap(), (System.nanoTime() - staged) / 1_000_000);
			return new Outcome(format, tally.account(),
					overlapping.stream().map(BillingPeriodOverlaps.Overlapping::describe).toList(), null, List.of(),
					limit);
		}
	}

}
