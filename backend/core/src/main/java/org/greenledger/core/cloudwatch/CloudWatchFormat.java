package org.greenledger.core.cloudwatch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.greenledger.core.measured.UtilizationSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;

/**
 * The AWS CLI's JSON output of {@code aws cloudwatch get-metric-statistics} for an EC2
 * instance's {@code CPUUtilization}, read by {@link CloudWatchReader}.
 */
public final class CloudWatchFormat implements SourceFormat<UtilizationSink> {

	/** The format's name. */
	public static final String NAME = "CLOUDWATCH";

	private static final List<FormatName> NAMES = List.of(new FormatName(NAME,
			"an AWS CloudWatch get-metric-statistics export (JSON)", Set.of("CLOUDWATCH", "AWSCLOUDWATCH")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<UtilizationSink> kind() {
		return FormatKind.UTILIZATION;
	}

	/**
	 * A JSON object whose start has the {@code "Datapoints"} key of a
	 * {@code get-metric-statistics} answer (its {@code "Label"} may come last), which no
	 * billing export has.
	 */
	@Override
	public Optional<String> recognise(FileStart start) {
		String text = start.text();
		return (text.startsWith("{") && text.contains("\"Datapoints\"")) ? Optional.of(NAME) : Optional.empty();
	}

	/**
	 * @throws org.greenledger.core.table.InvalidFileException when the upload does not
	 * name the instance, or the file is not a CPUUtilization answer
	 */
	@Override
	public String read(SourceFile file, UtilizationSink sink) throws IOException {
		CloudWatchReader.read(file.fileName(), file.text(),
				InstanceDescriptor.parse(file.fileName(), file.reading().host()), sink);
		return "CloudWatch CPUUtilization";
	}

}
