package org.greenledger.connectors;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which objects a run collects, from listings as AWS's export layouts produce them. */
class ExportLayoutTests {

	private static final Instant T0 = Instant.parse("2025-02-03T04:00:00Z");

	@Test
	void withoutManifestsEveryFileIsCollectedButFolderMarkersGroupedByFolder() throws ConnectorException {
		List<StoredObject> objects = List.of(object("in/", T0), object("in/b.csv.gz", T0), object("in/a.csv", T0),
				object("in/2025-02/c.csv", T0));
		List<ObjectGroup> plan = ExportLayout.plan(objects, json(Map.of()));
		assertThat(plan).extracting(ObjectGroup::source).containsExactly("in/2025-02", "in");
		assertThat(plan).noneMatch(ObjectGroup::manifest);
		assertThat(plan.get(1).files()).extracting(StoredObject::key).containsExactly("in/a.csv", "in/b.csv.gz");
	}

	@Test
	void dataExportsTakeTheNewestManifestOfEachBillingPeriod() throws ConnectorException {
		String root = "x/focus/";
		List<StoredObject> objects = List.of(object(root + "data/BILLING_PERIOD=2025-01/e1/focus-00001.parquet", T0),
				object(root + "data/BILLING_PERIOD=2025-01/e2/focus-00001.parquet", T0.plusSeconds(60)),
				object(root + "data/BILLING_PERIOD=2025-02/e3/focus-00001.parquet", T0),
				object(root + "metadata/BILLING_PERIOD=2025-01/e1/focus-Manifest.json", T0),
				object(root + "metadata/BILLING_PERIOD=2025-01/e2/focus-Manifest.json", T0.plusSeconds(60)),
				object(root + "metadata/BILLING_PERIOD=2025-02/e3/focus-Manifest.json", T0));
		Map<String, String> manifests = Map.of(root + "metadata/BILLING_PERIOD=2025-01/e1/focus-Manifest.json",
				"{\"dataFiles\":[\"s3://b/" + root + "data/BILLING_PERIOD=2025-01/e1/focus-00001.parquet\"]}",
				root + "metadata/BILLING_PERIOD=2025-01/e2/focus-Manifest.json",
				"{\"dataFiles\":[\"s3://b/" + root + "data/BILLING_PERIOD=2025-01/e2/focus-00001.parquet\"]}",
				root + "metadata/BILLING_PERIOD=2025-02/e3/focus-Manifest.json",
				"{\"dataFiles\":[\"s3://b/" + root + "data/BILLING_PERIOD=2025-02/e3/focus-00001.parquet\"]}");
		List<ObjectGroup> plan = ExportLayout.plan(objects, json(manifests));
		assertThat(plan).flatExtracting(ObjectGroup::files)
			.extracting(StoredObject::key)
			.containsExactly(root + "data/BILLING_PERIOD=2025-01/e2/focus-00001.parquet",
					root + "data/BILLING_PERIOD=2025-02/e3/focus-00001.parquet");
	}

	@Test
	void legacyCurTakesThePeriodFoldersManifestWithItsPartsInOrder() throws ConnectorException {
		String period = "cur/r/20250101-20250201/";
		List<StoredObject> objects = List.of(object(period + "old/r-1.csv.gz", T0),
				object(period + "old/r-Manifest.json", T0), object(period + "new/r-1.csv.gz", T0.plusSeconds(5)),
				object(period + "new/r-2.csv.gz", T0.plusSeconds(5)),
				object(period + "new/r-Manifest.json", T0.plusSeconds(9)),
				object(period + "r-Manifest.json", T0.plusSeconds(9)));
		String current = "{\"reportKeys\":[\"" + period + "new/r-1.csv.gz\",\"" + period + "new/r-2.csv.gz\"]}";
		List<ObjectGroup> plan = ExportLayout.plan(objects,
				json(Map.of(period + "r-Manifest.json", current, period + "new/r-Manifest.json", current,
						period + "old/r-Manifest.json", "{\"reportKeys\":[\"" + period + "old/r-1.csv.gz\"]}")));
		assertThat(plan).singleElement().satisfies(group -> {
			assertThat(group.source()).isEqualTo(period + "r-Manifest.json");
			assertThat(group.files()).extracting(StoredObject::key)
				.containsExactly(period + "new/r-1.csv.gz", period + "new/r-2.csv.gz");
		});
	}

	@Test
	void aManifestWithoutItsFilesOrListNamesTheProblem() {
		List<StoredObject> objects = List.of(object("c/r/20250101-20250201/r-Manifest.json", T0));
		assertThatThrownBy(() -> ExportLayout.plan(objects,
				json(Map.of("c/r/20250101-20250201/r-Manifest.json", "{\"reportKeys\":[\"c/r/x.csv\"]}"))))
			.hasMessageContaining("lists a file that is not in the bucket: c/r/x.csv");
		assertThatThrownBy(() -> ExportLayout.plan(objects,
				json(Map.of("c/r/20250101-20250201/r-Manifest.json", "{\"files\":[]}"))))
			.hasMessageContaining("neither 'dataFiles'");
		assertThatThrownBy(() -> ExportLayout.plan(objects,
				json(Map.of("c/r/20250101-20250201/r-Manifest.json", "{\"reportKeys\":["))))
			.hasMessageContaining("not valid JSON");
	}

	private static StoredObject object(String key, Instant modified) {
		return new StoredObject(key, Integer.toHexString(key.hashCode()), key.endsWith("/") ? 0 : 100, modified);
	}

	private static ExportLayout.Reader json(Map<String, String> manifests) {
		return object -> new ByteArrayInputStream(manifests.get(object.key()).getBytes(StandardCharsets.UTF_8));
	}

}
