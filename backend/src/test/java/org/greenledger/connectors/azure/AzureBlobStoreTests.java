package org.greenledger.connectors.azure;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.StoredObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AzureBlobStore} against a real Azurite: listing, reading, checking, and the
 * messages for a missing container, a wrong key, an expired SAS, an unreachable endpoint
 * and a blob rewritten after it was listed.
 */
class AzureBlobStoreTests {

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

	static BlobContainerClient newContainer() {
		return newContainer(azurite);
	}

	static BlobContainerClient newContainer(Azurite azurite) {
		BlobContainerClient container = new BlobContainerClientBuilder().endpoint(azurite.endpoint())
			.containerName("exports-" + UUID.randomUUID().toString().substring(0, 8))
			.credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY))
			.buildClient();
		container.create();
		return container;
	}

	static void put(BlobContainerClient container, String name, byte[] content) {
		container.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
	}

	static AzureBlobStore store(String container, Map<String, String> secrets) throws ConnectorException {
		return AzureBlobStore.open(AzureBlobSettings.of(azurite.settings(container, "exports"), secrets));
	}

	static Map<String, String> key(String key) {
		return Map.of(AzureBlobSettings.ACCOUNT_KEY, key);
	}

	@Test
	void listsEveryBlobUnderThePrefixInKeyOrderAndReadsThemAsListed() throws Exception {
		BlobContainerClient container = newContainer();
		byte[] first = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
		byte[] second = "c\n3\n".getBytes(StandardCharsets.UTF_8);
		put(container, "exports/monthly/z.csv", first);
		put(container, "exports/a.csv", second);
		put(container, "elsewhere/b.csv", second);
		Instant before = Instant.now().minusSeconds(60);

		try (AzureBlobStore store = store(container.getBlobContainerName(), key(Azurite.KEY))) {
			store.check("exports/");
			List<StoredObject> objects = store.list("exports/");

			assertThat(objects).extracting(StoredObject::key).containsExactly("exports/a.csv", "exports/monthly/z.csv");
			assertThat(objects).extracting(StoredObject::size)
				.containsExactly((long) second.length, (long) first.length);
			assertThat(objects).allSatisfy(object -> {
				assertThat(object.etag()).isNotBlank().doesNotContain("\"");
				assertThat(object.lastModified()).isAfter(before);
			});
			assertThat(objects.get(1).fileName()).isEqualTo("z.csv");
			try (InputStream in = store.open(objects.get(1))) {
				assertThat(in.readAllBytes()).isEqualTo(first);
			}
		}
	}

	@Test
	void aBlobRewrittenAfterItWasListedIsNotReadHalfOldHalfNew() throws Exception {
		BlobContainerClient container = newContainer();
		put(container, "exports/cost.csv", "old\n".getBytes(StandardCharsets.UTF_8));
		try (AzureBlobStore store = store(container.getBlobContainerName(), key(Azurite.KEY))) {
			StoredObject listed = store.list("exports/").get(0);
			put(container, "exports/cost.csv", "new\n".getBytes(StandardCharsets.UTF_8));

			assertThatThrownBy(() -> store.open(listed)).isInstanceOf(ConnectorException.class)
				.hasMessageContaining("changed after it was listed");
			assertThat(store.list("exports/").get(0).etag()).isNotEqualTo(listed.etag());

			// rewritten while it is read: the SDK fetches 4 MB at a time, on the listed
			// ETag
			byte[] large = new byte[5 << 20];
			java.util.Arrays.fill(large, (byte) 'a');
			put(container, "exports/large.csv", large);
			StoredObject listedLarge = store.list("exports/").get(1);
			try (InputStream in = store.open(listedLarge)) {
				assertThat(in.read()).isEqualTo('a');
				put(container, "exports/large.csv", "b\n".getBytes(StandardCharsets.UTF_8));
				assertThatThrownBy(in::readAllBytes).isInstanceOf(java.io.IOException.class)
					.hasMessageStartingWith("a blob changed after it was listed, while reading 'exports/large.csv'");
			}
		}
	}

	@Test
	void aMissingContainerIsNamed() throws Exception {
		try (AzureBlobStore store = store("no-such-container", key(Azurite.KEY))) {
			assertThatThrownBy(() -> store.check("exports/")).isInstanceOf(ConnectorException.class)
				.hasMessage("the container 'no-such-container' does not exist in the storage account 'devstoreaccount1'"
						+ ": check its name, or create it as the export's destination");
			assertThatThrownBy(() -> store.list("exports/")).hasMessageContaining("does not exist");
		}
	}

	@Test
	void aWrongAccountKeyIsRefusedInTheUsersWords() throws Exception {
		BlobContainerClient container = newContainer();
		String wrong = java.util.Base64.getEncoder().encodeToString(new byte[64]);
		try (AzureBlobStore store = store(container.getBlobContainerName(), key(wrong))) {
			assertThatThrownBy(() -> store.check("exports/")).isInstanceOf(ConnectorException.class)
				.hasMessageStartingWith(
						"Azure Storage refused the account key for the storage account 'devstoreaccount1'")
				.hasMessageContaining("check the key");
		}
	}

	@Test
	void aReadAndListSasIsEnoughAndAnExpiredOneIsRefused() throws Exception {
		BlobContainerClient container = newContainer();
		put(container, "exports/cost.csv", "x\n".getBytes(StandardCharsets.UTF_8));
		String valid = container.generateSas(
				new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1).truncatedTo(ChronoUnit.SECONDS),
						new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));
		String expired = container.generateSas(
				new BlobServiceSasSignatureValues(OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS),
						new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));

		try (AzureBlobStore store = store(container.getBlobContainerName(),
				Map.of(AzureBlobSettings.SAS_TOKEN, "?" + valid))) {
			store.check("exports/");
			StoredObject object = store.list("exports/").get(0);
			try (InputStream in = store.open(object)) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x\n");
			}
		}
		try (AzureBlobStore store = store(container.getBlobContainerName(),
				Map.of(AzureBlobSettings.SAS_TOKEN, expired))) {
			assertThatThrownBy(() -> store.check("exports/")).isInstanceOf(ConnectorException.class)
				.hasMessageContaining("SAS token")
				.hasMessageContaining("storage account 'devstoreaccount1'");
		}
	}

	@Test
	void anUnreachableEndpointIsSaidSo() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, String> settings = new HashMap<>(azurite.settings("exports", ""));
		settings.put(AzureBlobSettings.ENDPOINT, "http://127.0.0.1:" + port + "/" + Azurite.ACCOUNT);
		try (AzureBlobStore store = AzureBlobStore.open(AzureBlobSettings.of(settings, key(Azurite.KEY)))) {
			assertThatThrownBy(() -> store.check("")).isInstanceOf(ConnectorException.class)
				.hasMessageStartingWith("could not reach Azure Storage at http://127.0.0.1:" + port)
				.hasMessageContaining("the connection was refused");
		}
	}

	@Test
	void settingsNameEveryFieldThatIsWrongAndNeverShowTheSecrets() throws Exception {
		Map<String, String> errors = AzureBlobSettings
			.errors(Map.of(AzureBlobSettings.ENDPOINT, "ftp://x", AzureBlobSettings.ACCOUNT_NAME, "My_Account",
					AzureBlobSettings.CONTAINER, "Exports", AzureBlobSettings.PREFIX, "/costs"), Map.of());
		assertThat(errors).containsOnlyKeys(AzureBlobSettings.ENDPOINT, AzureBlobSettings.ACCOUNT_NAME,
				AzureBlobSettings.CONTAINER, AzureBlobSettings.PREFIX, AzureBlobSettings.ACCOUNT_KEY);
		assertThat(errors.get(AzureBlobSettings.ACCOUNT_NAME)).contains("3 to 24 lowercase letters and digits");
		assertThat(AzureBlobSettings.errors(azurite.settings("exports", ""),
				Map.of(AzureBlobSettings.ACCOUNT_KEY, Azurite.KEY, AzureBlobSettings.SAS_TOKEN, "sig=x")))
			.containsOnlyKeys(AzureBlobSettings.SAS_TOKEN);
		assertThatThrownBy(() -> AzureBlobSettings.of(Map.of(), Map.of()))
			.hasMessageStartingWith("the Azure Blob settings are not valid: accountName: is required");

		AzureBlobSettings settings = AzureBlobSettings.of(Map.of(AzureBlobSettings.ACCOUNT_NAME, "greenledgercosts",
				AzureBlobSettings.CONTAINER, "exports", AzureBlobSettings.PREFIX, "costs/daily"), key(Azurite.KEY));
		assertThat(settings.endpoint()).hasToString("https://greenledgercosts.blob.core.windows.net");
		assertThat(settings.prefix()).isEqualTo("costs/daily/");
		assertThat(settings.toString()).doesNotContain(Azurite.KEY).contains("account key");
	}

}
