package org.greenledger.connectors.azure;

import java.util.ArrayList;
import java.util.List;

import org.greenledger.connectors.ConnectorException;
import org.greenledger.connectors.ConnectorSettings;
import org.greenledger.connectors.ConnectorType;
import org.greenledger.connectors.ObjectGroup;
import org.greenledger.connectors.ObjectStore;
import org.greenledger.connectors.ObjectStoreType;
import org.greenledger.connectors.SettingField;
import org.greenledger.connectors.StoredObject;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * AZURE_BLOB connectors: a container of an Azure Storage account
 * ({@link AzureBlobSettings} says the settings), read with {@link AzureBlobStore}. When
 * the listing holds Cost Management export manifests, a run collects the blobs of the
 * newest run per export and billing period ({@link CostExports}), one group per run, then
 * the files outside any run folder by folder; without manifests every file, folder by
 * folder.
 */
@Component
class AzureBlobStoreType implements ObjectStoreType {

	private static final List<SettingField> FIELDS = List.of(
			SettingField.required(AzureBlobSettings.ACCOUNT_NAME, "Storage account",
					"The storage account's name (3 to 24 lowercase letters and digits)."),
			SettingField.required(AzureBlobSettings.CONTAINER, "Container",
					"The container the exports are written to."),
			SettingField.optional(AzureBlobSettings.PREFIX, "Prefix",
					"The export's directory in the container, for example costs (empty: the whole container)."),
			SettingField.optional(AzureBlobSettings.ENDPOINT, "Endpoint",
					"Empty for https://<account>.blob.core.windows.net; another blob service URL (Azurite, sovereign clouds)."),
			SettingField.secret(AzureBlobSettings.ACCOUNT_KEY, "Account key",
					"Write-only. An account key, or leave empty and give a SAS token."),
			SettingField.secret(AzureBlobSettings.SAS_TOKEN, "SAS token",
					"Write-only. A SAS with read and list permissions (preferred to an account key)."));

	@Override
	public ConnectorType type() {
		return ConnectorType.AZURE_BLOB;
	}

	@Override
	public List<SettingField> fields() {
		return FIELDS;
	}

	@Override
	public List<FieldProblem> validate(ConnectorSettings settings) {
		return problems(AzureBlobSettings.errors(settings.values(), settings.secrets()), settings);
	}

	@Override
	public String prefix(ConnectorSettings settings) {
		String prefix = settings.text(AzureBlobSettings.PREFIX, "");
		return (prefix.isEmpty() || prefix.endsWith("/")) ? prefix : prefix + "/";
	}

	@Override
	public ObjectStore open(ConnectorSettings settings) throws ConnectorException {
		AzureBlobSettings azure = AzureBlobSettings.of(settings.values(), settings.secrets());
		try {
			return AzureBlobStore.open(azure);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new ConnectorException("The Azure Storage client could not be set up for " + azure.endpoint()
					+ ": check the endpoint, the account name and the account key or SAS token.", ex);
		}
	}

	@Override
	public List<ObjectGroup> plan(ObjectStore store, List<StoredObject> listing) throws ConnectorException {
		if (listing.stream().noneMatch(CostExportManifest::isManifest)) {
			return ObjectGroup.byFolder(listing);
		}
		CostExports.Selection selection = CostExports.select(store, listing);
		List<ObjectGroup> groups = new ArrayList<>();
		for (CostExports.Run run : selection.runs()) {
			groups.add(new ObjectGroup(run.manifest().key(), true, run.blobs()));
		}
		groups.addAll(ObjectGroup.byFolder(selection.plainFiles()));
		return groups;
	}

}
