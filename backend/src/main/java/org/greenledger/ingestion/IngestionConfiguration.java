package org.greenledger.ingestion;

import org.greenledger.system.GreenLedgerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestionProperties.class, ParquetProperties.class })
class IngestionConfiguration {

	@Bean
	StoredFiles storedFiles(GreenLedgerProperties properties) {
		return new StoredFiles(properties.dataDirectory().resolve("files"));
	}

	@Bean
	InstanceCatalog instanceCatalog() {
		return InstanceCatalog.shipped();
	}

	@Bean
	SpendCategories spendCategories() {
		return SpendCategories.shipped();
	}

}
