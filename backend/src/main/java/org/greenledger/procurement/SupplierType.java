package org.greenledger.procurement;

/** The kinds of supplier GreenLedger scores. */
public enum SupplierType {

	CLOUD_PROVIDER, COLOCATION_OPERATOR, HARDWARE_VENDOR, AI_API_PROVIDER

}
