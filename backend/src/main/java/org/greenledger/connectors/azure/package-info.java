/**
 * The AZURE_BLOB connector type: a container of an Azure Storage account read with the
 * Azure Storage Blob SDK ({@link org.greenledger.connectors.azure.AzureBlobStore}), its
 * settings ({@link org.greenledger.connectors.azure.AzureBlobSettings}) and the manifests
 * of Azure Cost Management exports
 * ({@link org.greenledger.connectors.azure.CostExports}).
 */
@NullMarked
package org.greenledger.connectors.azure;

import org.jspecify.annotations.NullMarked;
