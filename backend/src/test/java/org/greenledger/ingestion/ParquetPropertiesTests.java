package org.greenledger.ingestion;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.table.ParquetLimits;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ParquetPropertiesTests {

	@Test
	void theDefaultsAreTheDocumentedLimits() {
		assertThat(bind(Map.of()).limits()).isEqualTo(ParquetLimits.DEFAULTS);
	}

	@Test
	void sizesAreConfiguredAsDataSizes() {
		ParquetLimits limits = bind(Map.of("greenledger.ingestion.parquet.max-page-size", "8MB",
				"greenledger.ingestion.parquet.max-file-size", "2GB", "greenledger.ingestion.parquet.max-columns",
				"50"))
			.limits();

		assertThat(limits.maxPageSize()).isEqualTo(8 * 1024 * 1024);
		assertThat(limits.maxFileSize()).isEqualTo(2L * 1024 * 1024 * 1024);
		assertThat(limits.maxColumns()).isEqualTo(50);
	}

	private static ParquetProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("greenledger.ingestion.parquet",
				ParquetProperties.class);
	}

}
