package org.greenledger.procurement;

/**
 * The kinds of supplier GreenLedger's green-procurement scoring distinguishes; each gets
 * its own set of questions in the supplier questionnaire.
 */
public enum SupplierType {

	/** Public cloud provider (IaaS/PaaS), answering for the regions it supplies. */
	CLOUD_PROVIDER,

	/** Colocation or data-centre operator, answering for the sites it supplies. */
	COLOCATION_OPERATOR,

	/** Server, storage or network hardware vendor, answering for its products. */
	HARDWARE_VENDOR,

	/** Provider of hosted AI models behind an API, answering for the service it sells. */
	AI_API_PROVIDER

}
