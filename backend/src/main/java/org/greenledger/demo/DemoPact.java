package org.greenledger.demo;

import java.nio.charset.StandardCharsets;

/**
 * The demo hardware vendor's product carbon footprint of a GPU server in the WBCSD PACT
 * data model 2.2 (fields as in {@code fixtures/pact/v2-single.json}).
 */
final class DemoPact {

	private DemoPact() {
	}

	static byte[] gpuServer() {
		return """
				{
				  "id": "d3e0a000-0000-4000-8000-00000000d001",
				  "specVersion": "2.2.0",
				  "version": 1,
				  "created": "2025-02-01T08:00:00Z",
				  "status": "Active",
				  "validityPeriodStart": "2025-01-01T00:00:00Z",
				  "validityPeriodEnd": "2027-12-31T00:00:00Z",
				  "companyName": "Demo: Example Server Works",
				  "companyIds": ["urn:pact:company:customcode:buyer-assigned:demo-esw"],
				  "productDescription": "Demo: 8-GPU training server (8 x H100 SXM, 2 sockets, 2 TB RAM), without packaging",
				  "productIds": ["urn:pact:product:customcode:buyer-assigned:demo-gpu-8x"],
				  "productCategoryCpc": "4521",
				  "productNameCompany": "DEMO-GPU-8X",
				  "comment": "Demo data. Cradle-to-gate, allocation by mass",
				  "pcf": {
				    "declaredUnit": "kilogram",
				    "unitaryProductAmount": "130",
				    "pCfExcludingBiogenic": "28.4",
				    "pCfIncludingBiogenic": "28.3",
				    "fossilGhgEmissions": "28.4",
				    "fossilCarbonContent": "0",
				    "biogenicCarbonContent": "0.05",
				    "characterizationFactors": "AR6",
				    "ipccCharacterizationFactorsSources": ["AR6"],
				    "crossSectoralStandardsUsed": ["GHG Protocol Product standard", "ISO Standard 14067"],
				    "productOrSectorSpecificRules": [],
				    "boundaryProcessesDescription": "Raw materials, accelerators, boards, assembly, inbound transport",
				    "referencePeriodStart": "2024-01-01T00:00:00Z",
				    "referencePeriodEnd": "2025-01-01T00:00:00Z",
				    "geographyCountry": "DE",
				    "exemptedEmissionsPercent": 1.0,
				    "exemptedEmissionsDescription": "Capital goods of the assembly line",
				    "packagingEmissionsIncluded": false,
				    "primaryDataShare": 42.0
				  }
				}
				"""
			.getBytes(StandardCharsets.UTF_8);
	}

}
