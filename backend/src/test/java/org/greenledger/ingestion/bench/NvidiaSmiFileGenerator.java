package org.greenledger.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writes a realistic {@code nvidia-smi --query-gpu=timestamp,name,index,uuid,power.draw,
 * utilization.gpu,memory.used --format=csv -l 1} log of N rows for benchmarks: 8 H100
 * GPUs polled every second (one line per GPU per poll, the same timestamp), power
 * following each GPU's load between idle (about 70 W) and full (about 690 W), with the
 * blanks and units nvidia-smi writes; reproducible for a given seed. Usage:
 * {@code NvidiaSmiFileGenerator <rows> <file> [gpus] [seed]}.
 */
public final class NvidiaSmiFileGenerator {

	static final String HEADER = "timestamp, name, index, uuid, power.draw [W], utilization.gpu [%], memory.used [MiB]";

	private NvidiaSmiFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		Path file = Path.of(args[1]);
		int gpus = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		long seed = (args.length > 3) ? Long.parseLong(args[3]) : 42;
		write(rows, gpus, seed, file);
		System.out.println("Wrote " + rows + " nvidia-smi rows to " + file + " (" + Files.size(file) + " bytes)");
	}

	static void write(long rows, int gpus, long seed, Path file) throws IOException {
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
			write(rows, gpus, seed, out);
		}
	}

	static void write(long rows, int gpus, long seed, Writer out) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		String[] uuids = new String[gpus];
		double[] load = new double[gpus];
		for (int gpu = 0; gpu < gpus; gpu++) {
			uuids[gpu] = String.format("GPU-%08x-%04x-%04x-%04x-%012x", random.nextInt(), random.nextInt(1 << 16),
					0x4000 | random.nextInt(1 << 12), 0x8000 | random.nextInt(1 << 14),
					random.nextLong() & 0xFFFFFFFFFFFFL);
			load[gpu] = random.nextDouble();
		}
		out.write(HEADER);
		out.write('\n');
		LocalDateTime start = LocalDateTime.of(2024, 5, 1, 0, 0, 0);
		StringBuilder line = new StringBuilder(160);
		long polls = (rows + gpus - 1) / gpus;
		long written = 0;
		for (long poll = 0; poll < polls && written < rows; poll++) {
			LocalDateTime time = start.plusSeconds(poll);
			int millis = 100 + random.nextInt(20);
			line.setLength(0);
			timestamp(line, time, millis);
			String stamp = line.toString();
			for (int gpu = 0; gpu < gpus && written < rows; gpu++, written++) {
				load[gpu] = Math.min(1, Math.max(0, load[gpu] + (random.nextDouble() - 0.5) * 0.1));
				double watts = 70 + 620 * load[gpu] + random.nextDouble() * 5;
				line.setLength(0);
				line.append(stamp)
					.append(", NVIDIA H100 80GB HBM3, ")
					.append(gpu)
					.append(", ")
					.append(uuids[gpu])
					.append(", ");
				twoDecimals(line, watts);
				line.append(" W, ")
					.append(Math.round(load[gpu] * 100))
					.append(" %, ")
					.append(1024 + Math.round(load[gpu] * 78_000))
					.append(" MiB\n");
				out.append(line);
			}
		}
	}

	private static void timestamp(StringBuilder line, LocalDateTime time, int millis) {
		line.append(time.getYear()).append('/');
		pad(line, time.getMonthValue(), 2).append('/');
		pad(line, time.getDayOfMonth(), 2).append(' ');
		pad(line, time.getHour(), 2).append(':');
		pad(line, time.getMinute(), 2).append(':');
		pad(line, time.getSecond(), 2).append('.');
		pad(line, millis, 3);
	}

	private static StringBuilder pad(StringBuilder line, int value, int width) {
		String text = Integer.toString(value);
		for (int i = text.length(); i < width; i++) {
			line.append('0');
		}
		return line.append(text);
	}

	private static void twoDecimals(StringBuilder line, double value) {
		long hundredths = Math.round(value * 100);
		line.append(hundredths / 100).append('.');
		pad(line, (int) (hundredths % 100), 2);
	}

}
