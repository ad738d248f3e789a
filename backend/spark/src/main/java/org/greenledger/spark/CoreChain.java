package org.greenledger.spark;

import org.greenledger.core.billing.BillingMapper;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorLibraryLoader;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.FootprintEngine;

/**
 * greenledger-core's shipped factor library, instance catalog and spend categories,
 * loaded once per executor JVM, and a mapper and engine for each file (a mapper keeps
 * per-file caches and runs on one thread).
 */
final class CoreChain {

	private static final class Shipped {

		static final FactorLibrary LIBRARY = FactorLibraryLoader.shipped();

		static final InstanceCatalog CATALOG = InstanceCatalog.shipped();

		static final SpendCategories SPEND = SpendCategories.shipped();

		static final LibraryFactorLookup LOOKUP = new LibraryFactorLookup(LIBRARY);

	}

	private CoreChain() {
	}

	static BillingMapper mapper() {
		FactorLibrary library = Shipped.LIBRARY;
		return new BillingMapper(Shipped.CATALOG,
				key -> library.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1))
					.isPresent(),
				InstanceHours.Hardware.of(library), Shipped.SPEND);
	}

	static FootprintEngine engine() {
		return new FootprintEngine(Shipped.LOOKUP);
	}

}
