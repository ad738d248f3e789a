package org.greenledger.core.awscur;

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
 * AWS Cost and Usage Report, legacy (slash names) or 2.0 (snake case), in CSV or Parquet,
 * read by {@link CurReader}; {@value #NAME} names both editions on upload, {@value #CUR2}
 * only the second.
 */
public final class AwsCurFormat implements SourceFormat<BillingRowSink> {

	/** The format's name, either edition. */
	public static final String NAME = "AWS_CUR";

	/** The name of CUR 2.0 (AWS Data Exports) alone. */
	public static final String CUR2 = "AWS_CUR2";

	private static final List<FormatName> NAMES = List.of(
			new FormatName(NAME, "an AWS Cost and Usage Report (legacy CUR)",
					Set.of("AWSCUR", "CUR", "AWSCURLEGACY", "CURLEGACY")),
			new FormatName(CUR2, "an AWS CUR 2.0 export", Set.of("AWSCUR2", "CUR2", "AWSCUR20", "CUR20")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<BillingRowSink> kind() {
		return FormatKind.BILLING;
	}

	/** A header with CUR columns; {@value #CUR2} when they are snake case. */
	@Override
	public Optional<String> recognise(FileStart start) {
		if (!CurReader.recognises(start.columns())) {
			return Optional.empty();
		}
		return Optional.of(CurReader.isCur2(start.columns()) ? CUR2 : NAME);
	}

	@Override
	public String read(SourceFile file, BillingRowSink sink) throws IOException {
		return CurReader.read(file.fileName(), file.requireTable(), sink);
	}

}
