package org.greenledger.spark;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.source.FormatKind;

/**
 * What {@code spark-submit} passes to {@link SparkIngestion}:
 * {@code --output DIR [--format NAME] [--split-size BYTES] INPUT...}.
 *
 * @param inputs files, directories or globs on any Hadoop file system
 * @param output the directory to create for the output (must not exist)
 * @param format the billing format every file must be (FOCUS, AWS_CUR, AWS_CUR2, GCP,
 * AZURE), or null to detect each file's
 * @param splitSize the bytes of a plain CSV file one task reads at most (a larger file is
 * split on record boundaries; default 128 MiB)
 */
record JobArguments(List<String> inputs, String output, @Nullable String format, long splitSize) {

	static final long DEFAULT_SPLIT_SIZE = 128L << 20;

	static final String USAGE = "Usage: spark-submit --class org.greenledger.spark.SparkIngestion"
			+ " greenledger-spark.jar --output <new directory> [--format FOCUS|AWS_CUR|AWS_CUR2|GCP|AZURE]"
			+ " [--split-size <bytes, or with k, m or g: 128m>] <file, directory or glob>...";

	JobArguments {
		inputs = List.copyOf(inputs);
	}

	/**
	 * @throws IllegalArgumentException with what is wrong and the usage
	 */
	static JobArguments parse(String... arguments) {
		List<String> inputs = new ArrayList<>();
		String output = null;
		String format = null;
		long splitSize = DEFAULT_SPLIT_SIZE;
		for (int i = 0; i < arguments.length; i++) {
			String argument = arguments[i];
			switch (argument) {
				case "--output" -> output = value(arguments, ++i, argument);
				case "--format" -> format = value(arguments, ++i, argument);
				case "--split-size" -> splitSize = size(value(arguments, ++i, argument));
				default -> {
					if (argument.startsWith("--")) {
						throw new IllegalArgumentException("Unknown option " + argument + "\n" + USAGE);
					}
					inputs.add(argument);
				}
			}
		}
		if (output == null || inputs.isEmpty()) {
			throw new IllegalArgumentException("Name the output directory and at least one input\n" + USAGE);
		}
		if (format != null && SourceFormats.parse(format, SourceFormats.ofKind(FormatKind.BILLING)).isEmpty()) {
			throw new IllegalArgumentException("Unknown format " + format + "; one of "
					+ String.join(", ", SourceFormats.names(FormatKind.BILLING)) + "\n" + USAGE);
		}
		return new JobArguments(inputs, output, format, splitSize);
	}

	private static long size(String text) {
		String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
		int shift = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
			case 'k' -> 10;
			case 'm' -> 20;
			case 'g' -> 30;
			default -> 0;
		};
		try {
			long number = Long.parseLong((shift > 0) ? lower.substring(0, lower.length() - 1) : lower);
			if (number <= 0) {
				throw new NumberFormatException();
			}
			return number << shift;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--split-size needs a positive number of bytes (for example 134217728 or 128m), not " + text + "\n"
							+ USAGE);
		}
	}

	private static String value(String[] arguments, int at, String option) {
		if (at >= arguments.length) {
			throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
		}
		return arguments[at];
	}

}
