package org.greenledger.core.gcp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;

/**
 * Google Cloud billing export (BigQuery standard or detailed usage cost) as CSV or
 * newline-delimited JSON, read by {@link GcpReader}.
 */
public final class GcpFormat implements SourceFormat<BillingRowSink> {

	/** The format's name. */
	public static final String NAME = "GCP";

	private static final List<FormatName> NAMES = List.of(new FormatName(NAME, "a Google Cloud billing export",
			Set.of("GCP", "GOOGLE", "GOOGLECLOUD", "GCPBILLING", "GOOGLECLOUDBILLING")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<BillingRowSink> kind() {
		return FormatKind.BILLING;
	}

	/** Newline-delimited JSON (an opening brace first), or a header of the CSV export. */
	@Override
	public Optional<String> recognise(FileStart start) {
		return (start.text().startsWith("{") || GcpReader.recognises(start.columns())) ? Optional.of(NAME)
				: Optional.empty();
	}

	/** The opened table, or otherwise the content as JSON lines. */
	@Override
	public String read(SourceFile file, BillingRowSink sink) throws IOException {
		return (file.table() != null) ? GcpReader.read(file.fileName(), file.table(), sink)
				: GcpReader.readJsonLines(file.fileName(), file.text(), sink);
	}

}
