package org.greenledger.reports.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.greenledger.reports.Document;
import org.greenledger.reports.pdf.PdfRenderer;
import org.greenledger.reports.xlsx.XlsxRenderer;

/**
 * Rendering benchmark: (a) an XLSX with a million activity lines, against two references
 * measured in the same run (reading the row source alone, and SXSSF writing the same
 * number of rows of plain numbers without styles); (b) the PDF of the full-year inventory
 * sample. Peak heap is sampled every 20 ms with {@link MemoryMXBean}. Run with
 * {@code reports/bench/reports.sh}.
 */
public final class ReportBenchmark {

	private ReportBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args the number of activity lines (default 1,000,000) and the output
	 * directory (default a temporary directory)
	 * @throws Exception if rendering fails
	 */
	public static void main(String[] args) throws Exception {
		long lines = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000;
		Path dir = (args.length > 1) ? Files.createDirectories(Path.of(args[1]))
				: Files.createTempDirectory("greenledger-reports-bench");
		System.out.printf("JVM %s, max heap %d MB, %d processors%n", Runtime.version(),
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

		// Warm-up: a small document through both renderers.
		Document warmUp = SampleDocument.fullYear(20_000);
		new PdfRenderer().toBytes(warmUp);
		new XlsxRenderer().render(warmUp, OutputStream.nullOutputStream());

		HeapSampler heap = HeapSampler.start();
		long start = System.nanoTime();
		long count = 0;
		for (List<?> row : new ActivityLines(lines)) {
			count += row.size();
		}
		double iterate = seconds(start);
		System.out.printf("reference: iterate %,d rows (%,d cells) of the row source: %.2f s%n", lines, count, iterate);

		heap.reset();
		start = System.nanoTime();
		Path plain = dir.resolve("plain.xlsx");
		plainSxssf(plain, lines, 13);
		double plainTime = seconds(start);
		System.out.printf(
				"reference: SXSSF %,d rows x 13 plain numbers, no styles: %.2f s, %,d bytes, peak heap %d MB%n", lines,
				plainTime, Files.size(plain), heap.peakMb());

		Document document = SampleDocument.fullYear(lines);
		heap.reset();
		start = System.nanoTime();
		Path xlsx = dir.resolve("inventory.xlsx");
		try (OutputStream out = Files.newOutputStream(xlsx)) {
			new XlsxRenderer().render(document, out);
		}
		double xlsxTime = seconds(start);
		System.out.printf(
				"XLSX: full-year inventory with %,d activity lines (13 columns): %.2f s (%,.0f rows/s), %,d bytes, peak heap %d MB; ratio to plain SXSSF %.2f%n",
				lines, xlsxTime, lines / xlsxTime, Files.size(xlsx), heap.peakMb(), xlsxTime / plainTime);

		Document pdfDocument = SampleDocument.fullYear(lines);
		double best = Double.MAX_VALUE;
		int size = 0;
		heap.reset();
		for (int run = 0; run < 5; run++) {
			start = System.nanoTime();
			byte[] pdf = new PdfRenderer().toBytes(pdfDocument);
			best = Math.min(best, seconds(start));
			size = pdf.length;
			if (run == 0) {
				Files.write(dir.resolve("inventory.pdf"), pdf);
			}
		}
		System.out.printf(
				"PDF: full-year inventory (7 sections, 4 charts, %d table rows): best of 5 %.2f s, %,d bytes, peak heap %d MB%n",
				tableRows(pdfDocument), best, size, heap.peakMb());
		heap.stop();
		System.out.println("files in " + dir);
	}

	private static void plainSxssf(Path file, long rows, int columns) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, XlsxRenderer.DEFAULT_ROW_WINDOW, true, false);
				OutputStream out = Files.newOutputStream(file)) {
			SXSSFSheet sheet = workbook.createSheet("Numbers");
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < columns; c++) {
					row.createCell(c).setCellValue(r * 0.5 + c);
				}
			}
			workbook.write(out);
		}
	}

	private static long tableRows(Document document) {
		long rows = 0;
		for (var section : document.sections()) {
			for (var block : section.blocks()) {
				if (block instanceof org.greenledger.reports.Table table) {
					rows += table.rows().count();
				}
			}
		}
		return rows;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Samples the used heap every 20 ms and keeps the peak.
	 */
	private static final class HeapSampler implements Runnable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		static HeapSampler start() {
			HeapSampler sampler = new HeapSampler();
			Thread thread = new Thread(sampler, "heap-sampler");
			thread.setDaemon(true);
			thread.start();
			return sampler;
		}

		@Override
		public void run() {
			while (this.running) {
				this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		void reset() {
			System.gc();
			this.peak.set(0);
		}

		long peakMb() {
			return this.peak.get() >> 20;
		}

		void stop() {
			this.running = false;
		}

	}

}
