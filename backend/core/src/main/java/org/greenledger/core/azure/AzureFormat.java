package org.greenledger.core.azure;

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

/** Azure cost details (EA or MCA, actual or amortized), read by {@link AzureReader}. */
public final class AzureFormat implements SourceFormat<BillingRowSink> {

	/** The format's name. */
	public static final String NAME = "AZURE";

	private static final List<FormatName> NAMES = List.of(new FormatName(NAME, "an Azure cost details export",
			Set.of("AZURE", "AZUREEA", "AZUREMCA", "AZURECOSTDETAILS", "MICROSOFT")));

	@Override
	public List<FormatName> names() {
		return NAMES;
	}

	@Override
	public FormatKind<BillingRowSink> kind() {
		return FormatKind.BILLING;
	}

	/** A header of the cost details export (English or localized). */
	@Override
	public Optional<String> recognise(FileStart start) {
		return AzureReader.recognises(start.columns()) ? Optional.of(NAME) : Optional.empty();
	}

	@Override
	public String read(SourceFile file, BillingRowSink sink) throws IOException {
		return AzureReader.read(file.fileName(), file.requireTable(), sink);
	}

}
