package org.greenledger.spark;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.source.FormatKind;

/**
 * What {@code spark-submit} passes to {@link SparkIngestion}: {@code --output
 *
<dir>
 *  [--format <name>] <input>...}.
 *
 * @param inputs files, directories or globs on any Hadoop file system
 * @param output the directory to create for the output (must not exist)
 * @param format the billing format every file must be (FOCUS, AWS_CUR, AWS_CUR2, GCP,
 * AZURE), or null to detect each file's
 */
record JobArguments(List<String> inputs, String output, @Nullable String format) {

	static final String USAGE = "Usage: spark-submit --class org.greenledger.spark.SparkIngestion"
			+ " greenledger-spark.jar --output <new directory> [--format FOCUS|AWS_CUR|AWS_CUR2|GCP|AZURE]"
			+ " <file, directory or glob>...";

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
		for (int i = 0; i < arguments.length; i++) {
			String argument = arguments[i];
			switch (argument) {
				case "--output" -> output = value(arguments, ++i, argument);
				case "--format" -> format = value(arguments, ++i, argument);
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
		return new JobArguments(inputs, output, format);
	}

	private static String value(String[] arguments, int at, String option) {
		if (at >= arguments.length) {
			throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
		}
		return arguments[at];
	}

}
