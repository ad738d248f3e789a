package org.greenledger.core.table.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.focus.FocusReader;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.FastCsvTable;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;

/**
 * FastCSV against the own CSV tokenizer (issue 17), one way of reading per JVM
 * ({@code backend/bench/csv-tokenizers.sh} starts one per way, so that no way's JIT
 * profile is shaped by another's): every cell of every record as a string
 * ({@code fastcsv-cells}, {@code own-cells}), or the rows read into billing rows by the
 * FOCUS reader over either tokenizer ({@code fastcsv-focus}, {@code own-focus}; the own
 * table is what uploads use). Prints the CPU time of the reading thread per pass.
 * <p>
 * Usage: {@code CsvTokenizerBenchmark FILE WAY PASSES}
 */
public final class CsvTokenizerBenchmark {

	private CsvTokenizerBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		String way = args[1];
		int passes = Integer.parseInt(args[2]);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int pass = 1; pass <= passes; pass++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long started = System.nanoTime();
			long count = switch (way) {
				case "fastcsv-cells" -> cells(new FastCsvTable(open(file)));
				case "own-cells" -> cells(CsvTable.open(open(file)));
				case "fastcsv-focus" -> focus(new FastCsvTable(open(file)));
				case "own-focus" -> focus(CsvTable.open(open(file)));
				default -> throw new IllegalArgumentException("unknown way " + way);
			};
			System.out.printf("%s pass %d: %d, CPU %.3f s, wall %.3f s%n", way, pass, count,
					(threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - started) / 1e9);
		}
	}

	private static InputStream open(Path file) throws IOException {
		return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
	}

	/** The characters of every cell (the header's too), each cell made a string. */
	private static long cells(Table table) throws IOException {
		try (table) {
			long characters = 0;
			for (String name : table.header()) {
				characters += name.length();
			}
			for (List<String> cells = table.next(); cells != null; cells = table.next()) {
				for (String cell : cells) {
					characters += cell.length();
				}
			}
			return characters;
		}
	}

	/** The rows the FOCUS reader accepted (every row of a generated file). */
	private static long focus(Table table) throws IOException {
		long[] accepted = new long[1];
		try (table) {
			FocusReader.read("bill.csv", table, new BillingRowSink() {

				@Override
				public void accept(BillingRow record) {
					accepted[0]++;
				}

				@Override
				public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
					throw new IllegalStateException("row " + row + " rejected: " + errors);
				}

			});
		}
		return accepted[0];
	}

}
