package org.greenledger.core.focus;

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

/** FinOps FOCUS 1.0-1.2 (CSV or Parquet), read by {@link FocusReader}. */
public final class FocusFormat implements SourceFormat<BillingRowSink> {

	/** The format's name. */
	public static final String NAME = "FOCUS";

	private static final List<FormatName> NAMES = List.of(new FormatName(NAME, "FinOps FOCUS", Set.of("FOCUS"), true));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<BillingRowSink> kind() {
		return FormatKind.BILLING;
	}

	/** A header with any of FOCUS's mandatory columns. */
	@Override
	public Optional<String> recognise(FileStart start) {
		return FocusReader.recognises(start.columns()) ? Optional.of(NAME) : Optional.empty();
	}

	@Override
	public String read(SourceFile file, BillingRowSink sink) throws IOException {
		return "FOCUS " + FocusReader.read(file.fileName(), file.requireTable(), sink);
	}

}
