package org.greenledger.connectors.azure;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.azure.storage.blob.BlobContainerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.StoredObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Azure Cost Management export layouts in a real Azurite, with the real EA cost exports
 * of the corpus ({@code corpus/billing/azure-ea}, from microsoft/finops-toolkit, MIT; see
 * its SOURCES.md) as the data: the newest run per export and billing period is taken, its
 * partitions in the manifest's order, older runs and manifests are not, stray files are
 * taken as plain files, and a manifest naming a missing blob stops the selection. The
 * manifests are written here after the layout Microsoft documents for exports
 * ({@code <root>/<export>/<yyyyMMdd-yyyyMMdd>/<run id>/manifest.json}).
 */
class CostExportsTests {

	static final Path ACTUAL = Path.of("src/test/resources/corpus/billing/azure-ea/EA_ActualCost_Small.csv");

	static final Path AMORTIZED = Path.of("src/test/resources/corpus/billing/azure-ea/EA_AmortizedCost_Small.csv");

	static Azurite azurite;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = Azurite.start();
	}

	@AfterAll
	static void stopAzurite() {
		if (azurite != null) {
			azurite.close();
		}
	}

	static String manifest(String exportName, String runId, String submitted, String startDate, String endDate,
			List<String> blobs) {
		StringBuilder list = new StringBuilder();
		for (String blob : blobs) {
			list.append((list.length() > 0) ? ",\n" : "")
				.append("    {\"blobName\": \"%s\", \"byteCount\": 0, \"dataRowCount\": 0}".formatted(blob));
		}
		return """
				{
				  "manifestVersion": "2024-04-01",
				  "blobCount": %d,
				  "exportConfig": {"exportName": "%s", "type": "ActualCost", "timeFrame": "MonthToDate", "granularity": "Daily"},
				  "deliveryConfig": {"partitionData": true, "dataOverwriteBehavior": "CreateNewReport", "fileFormat": "Csv",
				    "compressionMode": "None", "rootFolderPath": "costs"},
				  "runInfo": {"executionType": "Scheduled", "submittedTime": "%s", "runId": "%s",
				    "startDate": "%s", "endDate": "%s"},
				  "blobs": [
				%s
				  ]
				}
				"""
			.formatted(blobs.size(), exportName, submitted, runId, startDate, endDate, list);
	}

	/** The real file cut into two partitions at a line, each with the header. */
	static byte[][] partitions(byte[] file, int firstRows) {
		String text = new String(file, StandardCharsets.UTF_8);
		List<String> lines = Arrays.asList(text.split("(?<=\n)"));
		String header = lines.get(0);
		String first = String.join("", lines.subList(0, 1 + firstRows));
		String second = header + String.join("", lines.subList(1 + firstRows, lines.size()));
		return new byte[][] { first.getBytes(StandardCharsets.UTF_8), second.getBytes(StandardCharsets.UTF_8) };
	}

	@Test
	void theNewestRunOfEachExportAndPeriodIsTakenWithItsPartitions() throws Exception {
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		byte[] actual = Files.readAllBytes(ACTUAL);
		byte[][] parts = partitions(actual, 6);
		String older = "costs/ActualDaily/20230901-20230920/0b7c5b0e-1c1b-4b4e-9a52-111111111111/";
		String newer = "costs/ActualDaily/20230901-20230930/5f4dc1e3-6a6e-4a8e-8d0f-222222222222/";
		String amortized = "costs/AmortizedDaily/20230901-20230930/9d2b7a40-3c2e-4f55-b1a4-333333333333/";
		// an older month-to-date run of the same export and month: the first part only
		AzureBlobStoreTests.put(container, older + "part_0_0001.csv", parts[0]);
		AzureBlobStoreTests.put(container, older + "manifest.json",
				manifest("ActualDaily", "0b7c5b0e-1c1b-4b4e-9a52-111111111111", "2023-09-21T04:10:11.1234567Z",
						"2023-09-01T00:00:00", "2023-09-20T00:00:00", List.of(older + "part_0_0001.csv"))
					.getBytes(StandardCharsets.UTF_8));
		AzureBlobStoreTests.put(container, newer + "part_0_0001.csv", parts[0]);
		AzureBlobStoreTests.put(container, newer + "part_0_0002.csv", parts[1]);
		AzureBlobStoreTests.put(container, newer + "manifest.json",
				manifest("ActualDaily", "5f4dc1e3-6a6e-4a8e-8d0f-222222222222", "2023-10-01T03:02:01.7654321Z",
						"2023-09-01T00:00:00", "2023-09-30T00:00:00",
						List.of(newer + "part_0_0001.csv", newer + "part_0_0002.csv"))
					.getBytes(StandardCharsets.UTF_8));
		AzureBlobStoreTests.put(container, amortized + "part_0_0001.csv", Files.readAllBytes(AMORTIZED));
		// a manifest whose blob name starts with the container's name
		AzureBlobStoreTests.put(container, amortized + "manifest.json",
				manifest("AmortizedDaily", "9d2b7a40-3c2e-4f55-b1a4-333333333333", "2023-10-01T03:05:00Z",
						"2023-09-01T00:00:00", "2023-09-30T00:00:00",
						List.of(container.getBlobContainerName() + "/" + amortized + "part_0_0001.csv"))
					.getBytes(StandardCharsets.UTF_8));
		AzureBlobStoreTests.put(container, "costs/by-hand/extra.csv", parts[1]);

		try (AzureBlobStore store = AzureBlobStore
			.open(AzureBlobSettings.of(azurite.settings(container.getBlobContainerName(), "costs"),
					Map.of(AzureBlobSettings.ACCOUNT_KEY, Azurite.KEY)))) {
			CostExports.Selection selection = CostExports.select(store, store.list("costs/"));

			assertThat(selection.runs()).extracting(CostExports.Run::exportName)
				.containsExactly("ActualDaily", "AmortizedDaily");
			CostExports.Run run = selection.runs().get(0);
			assertThat(run.periodStart()).isEqualTo(LocalDate.of(2023, 9, 1));
			assertThat(run.periodEnd()).isEqualTo(LocalDate.of(2023, 9, 30));
			assertThat(run.runId()).isEqualTo("5f4dc1e3-6a6e-4a8e-8d0f-222222222222");
			assertThat(run.submitted()).isEqualTo(Instant.parse("2023-10-01T03:02:01.7654321Z"));
			assertThat(run.blobs()).extracting(StoredObject::key)
				.containsExactly(newer + "part_0_0001.csv", newer + "part_0_0002.csv");
			assertThat(selection.runs().get(1).blobs()).extracting(StoredObject::key)
				.containsExactly(amortized + "part_0_0001.csv");
			assertThat(selection.plainFiles()).extracting(StoredObject::key).containsExactly("costs/by-hand/extra.csv");
			assertThat(selection.toIngest()).hasSize(4).noneMatch(object -> object.key().startsWith(older));

			// the partitions read back are the real export, row for row
			ByteArrayOutputStream joined = new ByteArrayOutputStream();
			for (StoredObject part : run.blobs()) {
				try (InputStream in = store.open(part)) {
					byte[] content = in.readAllBytes();
					joined.writeBytes((joined.size() == 0) ? content : withoutHeader(content));
				}
			}
			assertThat(joined.toByteArray()).isEqualTo(actual);
			try (InputStream in = store.open(selection.runs().get(1).blobs().get(0))) {
				assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(AMORTIZED));
			}
		}
	}

	@Test
	void aManifestThatNamesAMissingBlobStopsTheSelection() throws Exception {
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		String run = "costs/ActualDaily/20230901-20230930/5f4dc1e3-6a6e-4a8e-8d0f-444444444444/";
		AzureBlobStoreTests.put(container, run + "part_0_0001.csv", Files.readAllBytes(ACTUAL));
		AzureBlobStoreTests.put(container, run + "manifest.json",
				manifest("ActualDaily", "5f4dc1e3-6a6e-4a8e-8d0f-444444444444", "2023-10-01T03:02:01Z",
						"2023-09-01T00:00:00", "2023-09-30T00:00:00",
						List.of(run + "part_0_0001.csv", run + "part_0_0002.csv"))
					.getBytes(StandardCharsets.UTF_8));

		try (AzureBlobStore store = AzureBlobStore
			.open(AzureBlobSettings.of(azurite.settings(container.getBlobContainerName(), "costs"),
					Map.of(AzureBlobSettings.ACCOUNT_KEY, Azurite.KEY)))) {
			List<StoredObject> listing = store.list("costs/");
			assertThatThrownBy(() -> CostExports.select(store, listing)).isInstanceOf(ConnectorException.class)
				.hasMessage("the export manifest '" + run + "manifest.json' lists the blob '" + run
						+ "part_0_0002.csv', which is not in the container: the run may still be writing, or the blob"
						+ " was deleted; nothing of this sync was taken, the next one tries again");
		}
	}

	@Test
	void aManifestThatIsNotJsonOrHasNoBlobsIsNamed() throws Exception {
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		AzureBlobStoreTests.put(container, "costs/a/20230901-20230930/r/manifest.json",
				"{\"runInfo\": {}}".getBytes(StandardCharsets.UTF_8));
		AzureBlobStoreTests.put(container, "costs/b/20230901-20230930/r/manifest.json",
				"<html>".getBytes(StandardCharsets.UTF_8));
		try (AzureBlobStore store = AzureBlobStore
			.open(AzureBlobSettings.of(azurite.settings(container.getBlobContainerName(), "costs"),
					Map.of(AzureBlobSettings.ACCOUNT_KEY, Azurite.KEY)))) {
			StoredObject noBlobs = store.list("costs/a/").get(0);
			StoredObject notJson = store.list("costs/b/").get(0);
			assertThatThrownBy(() -> CostExports.select(store, List.of(noBlobs)))
				.hasMessage("the export manifest 'costs/a/20230901-20230930/r/manifest.json' has no 'blobs' list:"
						+ " it is not a Cost Management export manifest");
			assertThatThrownBy(() -> CostExports.select(store, List.of(notJson)))
				.hasMessageStartingWith("the export manifest 'costs/b/20230901-20230930/r/manifest.json' is not JSON");
		}
	}

	static byte[] withoutHeader(byte[] part) {
		int newline = 0;
		while (part[newline] != '\n') {
			newline++;
		}
		return Arrays.copyOfRange(part, newline + 1, part.length);
	}

}
