package org.greenledger.ingestion;

import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.table.InputLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.system.GreenLedgerProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestionProperties.class, ParquetProperties.class, LimitsProperties.class })
class IngestionConfiguration {

	@Bean
	StoredFiles storedFiles(GreenLedgerProperties properties) {
		return new StoredFiles(properties.dataDirectory().resolve("files"));
	}

	/** Parquet uploads are copied to a working directory under the data directory. */
	@Bean
	ParquetOpener parquetOpener(GreenLedgerProperties properties, ParquetProperties parquet) {
		return content -> ParquetTable.open(content, properties.dataDirectory().resolve("work"), parquet.limits());
	}

	/**
	 * The bounds on uploaded text files, installed for the readers (which are plain
	 * static code) when the configuration is read, and taken back when the context
	 * closes.
	 */
	@Bean(destroyMethod = "close")
	InputLimits.Installation inputLimits(LimitsProperties limits) {
		return InputLimits.install(limits.limits());
	}

	@Bean
	InstanceCatalog instanceCatalog() {
		return InstanceCatalog.shipped();
	}

	/**
	 * Instance-hours to usage lines, for the calculator (the FOCUS mapper makes its own).
	 */
	@Bean
	InstanceHours instanceHours(InstanceCatalog catalog, FactorLibrary library) {
		return new InstanceHours(catalog, InstanceHours.Hardware.of(library));
	}

	@Bean
	SpendCategories spendCategories() {
		return SpendCategories.shipped();
	}

}
