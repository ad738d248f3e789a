package org.greenledger.core.billing;

import java.util.List;
import java.util.Set;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.footprint.Usage;

/**
 * Maps records the way ingestion does (shipped instance catalog; the cloud regions the
 * fixtures use; power data for every CPU and accelerator), so reader tests can show what
 * a row becomes.
 */
public final class MappedLines {

	private static final Set<String> REGIONS = Set.of("aws:us-east-1", "aws:us-east-2", "aws:us-west-2",
			"aws:eu-west-1", "aws:eu-central-1", "aws:ap-southeast-2", "gcp:us-central1", "gcp:europe-west1",
			"azure:eastus", "azure:eastus2", "azure:westeurope");

	private static final BillingMapper MAPPER = new BillingMapper(InstanceCatalog.shipped(), REGIONS::contains,
			new InstanceHours.Hardware() {
				@Override
				public boolean knowsMicroarchitecture(String microarchitecture) {
					return true;
				}

				@Override
				public boolean knowsAccelerator(String model) {
					return true;
				}
			}, SpendCategories.shipped());

	private MappedLines() {
	}

	public static List<SourceLine> of(BillingRow record) {
		return MAPPER.map(record);
	}

	/** The usages of a record's lines (empty for a cost-only row). */
	public static List<Usage> usages(BillingRow record) {
		return of(record).stream().filter(line -> line.usage() != null).map(SourceLine::usage).toList();
	}

	/** Why the record became a cost-only line, or null when it has usage. */
	public static String costOnlyReason(BillingRow record) {
		return of(record).get(0).costOnlyReason();
	}

}
