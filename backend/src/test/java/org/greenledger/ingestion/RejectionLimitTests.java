package org.greenledger.ingestion;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RejectionLimitTests {

	private static final IngestionProperties.Shares NONE = new IngestionProperties.Shares(null, null, null, null);

	private static RowAccount account(long read, long rejected) {
		return new RowAccount(read, read - rejected, 0, rejected, List.of(), List.of());
	}

	@Test
	void eachKindHasItsOwnDocumentedDefault() {
		IngestionProperties properties = new IngestionProperties(null, NONE, Duration.ofMinutes(5));

		assertThat(properties.rejectionLimit(RowKind.BILLING).maxShare()).isZero();
		assertThat(properties.rejectionLimit(RowKind.METER).maxShare()).isEqualTo(0.01);
		assertThat(properties.rejectionLimit(RowKind.TELEMETRY).maxShare()).isEqualTo(0.10);
		assertThat(properties.rejectionLimit(RowKind.GRID).maxShare()).isEqualTo(0.05);
		assertThat(properties.rejectionLimit(RowKind.METER).setting()).isEqualTo("default");
	}

	@Test
	void aKindsOwnSettingWinsOverTheGeneralOneWhichWinsOverTheDefault() {
		IngestionProperties properties = new IngestionProperties(0.2,
				new IngestionProperties.Shares(null, 0.0, null, null), Duration.ofMinutes(5));

		assertThat(properties.rejectionLimit(RowKind.METER).maxShare()).isZero();
		assertThat(properties.rejectionLimit(RowKind.METER).setting())
			.isEqualTo("greenledger.ingestion.max-rejected-shares.meter");
		assertThat(properties.rejectionLimit(RowKind.BILLING).maxShare()).isEqualTo(0.2);
		assertThat(properties.rejectionLimit(RowKind.BILLING).setting())
			.isEqualTo("greenledger.ingestion.max-rejected-share");
	}

	@Test
	void aFileIsRefusedOnlyAboveItsKindsLimit() {
		IngestionProperties properties = new IngestionProperties(null, NONE, Duration.ofMinutes(5));
		RowAccount twoOf28 = account(28, 2);

		assertThat(properties.rejectionLimit(RowKind.TELEMETRY).refuses(twoOf28)).isFalse();
		assertThat(properties.rejectionLimit(RowKind.METER).refuses(twoOf28)).isTrue();
		assertThat(properties.rejectionLimit(RowKind.BILLING).refuses(account(1000, 1))).isTrue();
		assertThat(properties.rejectionLimit(RowKind.BILLING).refuses(account(1000, 0))).isFalse();
	}

	@Test
	void theReportShowsKindShareAndSetting() {
		RejectionLimit limit = new IngestionProperties(null, NONE, Duration.ofMinutes(5)).rejectionLimit(RowKind.GRID);

		assertThat(limit.describe()).containsEntry("kind", "grid")
			.containsEntry("maxRejectedShare", 0.05)
			.containsEntry("setBy", "default");
	}

	@Test
	void aShareOutsideZeroToOneIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new IngestionProperties(null, new IngestionProperties.Shares(1.5, null, null, null),
				Duration.ofMinutes(5)))
			.hasMessageContaining("greenledger.ingestion.max-rejected-shares.billing is 1.5");
	}

	@Test
	void theRefusalNamesTheKindAndTheSetting() {
		RejectionLimit limit = new IngestionProperties(null, NONE, Duration.ofMinutes(5)).rejectionLimit(RowKind.METER);

		assertThat(new RejectedFileException(account(100, 5), limit, null).getMessage())
			.startsWith("5 of 100 rows were rejected (5.00 %), more than the meter files' limit of 1.00 %"
					+ " (the default for meter data)");
	}

	@Test
	void anEmptyGeneralSettingAsApplicationYmlWritesItWithoutTheVariableIsNotSet() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("greenledger.ingestion.max-rejected-share",
				"", "greenledger.ingestion.max-rejected-shares.meter", "0.02")));
		IngestionProperties properties = binder.bindOrCreate("greenledger.ingestion", IngestionProperties.class);

		assertThat(properties.maxRejectedShare()).isNull();
		assertThat(properties.rejectionLimit(RowKind.TELEMETRY).setting()).isEqualTo("default");
		assertThat(properties.rejectionLimit(RowKind.METER).maxShare()).isEqualTo(0.02);
		assertThat(properties.telemetryMaxGap()).isEqualTo(Duration.ofMinutes(5));
	}

}
