package org.greenledger.spark;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorLibraryLoader;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;

/**
 * The reference: a file read in this one process by core's chain as
 * {@code RealBillsInCoreTests} runs it (reader, billing mapper, footprint engine), every
 * line keyed by its row and line number.
 */
final class SingleProcessLines implements BillingRowSink {

	private static final FactorLibrary LIBRARY = FactorLibraryLoader.shipped();

	/** A line and its impacts (null on a cost-only line). */
	record Line(SourceLine line, @Nullable ImpactLine impact) {
	}

	final Map<String, Line> lines = new LinkedHashMap<>();

	long rejected;

	private final BillingMapper mapper = new BillingMapper(InstanceCatalog.shipped(),
			key -> LIBRARY.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1)).isPresent(),
			InstanceHours.Hardware.of(LIBRARY), SpendCategories.shipped());

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(LIBRARY));

	static SingleProcessLines read(Path file, Path work) throws IOException {
		SingleProcessLines lines = new SingleProcessLines();
		try (InputStream in = InputFiles.decompressed(Files.newInputStream(file))) {
			BillingReaders.read(file.getFileName().toString(), in, null,
					content -> ParquetTable.open(content, work, ParquetLimits.DEFAULTS), lines);
		}
		return lines;
	}

	static String key(long row, int line) {
		return row + "/" + line;
	}

	@Override
	public void accept(BillingRow row) {
		List<SourceLine> mapped = this.mapper.map(row);
		for (SourceLine line : mapped) {
			this.lines.put(key(line.row(), line.line()),
					new Line(line, line.costOnly() ? null : this.engine.calculate(line.activity("-"))));
		}
	}

	@Override
	public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
		this.rejected++;
	}

}
