package org.greenledger.ingestion.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.greenledger.core.nvidiasmi.NvidiaSmiReader;
import org.greenledger.core.measured.MeasurementTally;
import org.greenledger.core.measured.ReadingContext;

/**
 * Measures how fast an nvidia-smi log is read and tallied: generates a file of N samples
 * (8 GPUs, 1 s polls) in a temporary directory, then reads it three times through
 * {@link NvidiaSmiReader} into a {@link MeasurementTally} and, as a reference measured in
 * the same run, three times line by line with a {@link BufferedReader} doing nothing
 * else; prints the best of each in samples per second. Usage:
 * {@code NvidiaSmiReadBenchmark [samples] [file]} (default 10 million samples; an
 * existing file of that name is reused).
 */
public final class NvidiaSmiReadBenchmark {

	private NvidiaSmiReadBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long samples = (args.length > 0) ? Long.parseLong(args[0]) : 10_000_000L;
		Path file = (args.length > 1) ? Path.of(args[1])
				: Path.of(System.getProperty("java.io.tmpdir"), "nvidia-smi-" + samples + ".csv");
		if (!Files.exists(file)) {
			long start = System.nanoTime();
			NvidiaSmiFileGenerator.write(samples, 8, 42, file);
			System.out.printf("generated %,d samples (%,d bytes) in %.1f s%n", samples, Files.size(file),
					(System.nanoTime() - start) / 1e9);
		}
		long bestLines = Long.MAX_VALUE;
		long bestTally = Long.MAX_VALUE;
		for (int round = 0; round < 3; round++) {
			bestLines = Math.min(bestLines, readLines(file));
			bestTally = Math.min(bestTally, readAndTally(file, samples));
		}
		System.out.printf("reference: BufferedReader.readLine   %,12.0f lines/s (%.2f s)%n",
				samples / (bestLines / 1e9), bestLines / 1e9);
		System.out.printf("NvidiaSmiReader + MeasurementTally  %,12.0f samples/s (%.2f s)%n",
				samples / (bestTally / 1e9), bestTally / 1e9);
	}

	private static long readLines(Path file) throws IOException {
		long start = System.nanoTime();
		long count = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			while (reader.readLine() != null) {
				count++;
			}
		}
		long took = System.nanoTime() - start;
		if (count == 0) {
			throw new IllegalStateException("empty file");
		}
		return took;
	}

	private static long readAndTally(Path file, long samples) throws IOException {
		long start = System.nanoTime();
		double[] energy = new double[1];
		long[] lines = new long[1];
		MeasurementTally tally = new MeasurementTally(Duration.ofMinutes(5), line -> {
			energy[0] += line.amount();
			lines[0]++;
		});
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			NvidiaSmiReader.read(file.getFileName().toString(), reader, new ReadingContext(null, "bench-node", null),
					tally);
		}
		tally.finish();
		long took = System.nanoTime() - start;
		if (tally.accepted() != samples) {
			throw new IllegalStateException("accepted " + tally.accepted() + " of " + samples + " samples; rejected "
					+ tally.rejected() + ": " + tally.errors().stream().limit(3).toList());
		}
		System.out.printf("  read and tallied %,d samples into %,d lines (%.1f kWh) in %.2f s%n", samples, lines[0],
				energy[0], took / 1e9);
		return took;
	}

}
