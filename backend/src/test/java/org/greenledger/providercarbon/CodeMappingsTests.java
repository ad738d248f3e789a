package org.greenledger.providercarbon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sourced mapping between the providers' carbon codes and their bills' names: the
 * codes of the sample files reach the billing names, unmapped names stay as they are, and
 * every row says where it comes from.
 */
class CodeMappingsTests {

	private final CodeMappings mappings = new CodeMappings();

	@Test
	void awsServiceNamesOfBillsMapToTheCarbonExportsProductCodes() {
		assertThat(this.mappings.providerCode(Provider.AWS, "service", "Amazon Elastic Compute Cloud"))
			.isEqualTo("AmazonEC2");
		assertThat(this.mappings.providerCode(Provider.AWS, "service", "amazon simple storage service"))
			.isEqualTo("AmazonS3");
		assertThat(this.mappings.providerCode(Provider.AWS, "service", "Amazon Relational Database Service"))
			.isEqualTo("AmazonRDS");
		assertThat(this.mappings.providerCode(Provider.AWS, "service", "Amazon CloudFront"))
			.isEqualTo("AmazonCloudFront");
	}

	@Test
	void azureMeterCategoriesAndRegionCodesMapToTheCarbonReportsNames() {
		assertThat(this.mappings.providerCode(Provider.AZURE, "service", "Virtual Machines"))
			.isEqualTo("microsoft.compute/virtualmachines");
		assertThat(this.mappings.providerCode(Provider.AZURE, "service", "Azure Kubernetes Service"))
			.isEqualTo("microsoft.containerservice/managedclusters");
		assertThat(this.mappings.providerCode(Provider.AZURE, "region", "westeurope")).isEqualTo("west europe");
		assertThat(this.mappings.providerCode(Provider.AZURE, "region", "northeurope")).isEqualTo("north europe");
	}

	@Test
	void namesWithoutARowAreTheSameOnBothSides() {
		assertThat(this.mappings.providerCode(Provider.GOOGLE_CLOUD, "service", "Compute Engine"))
			.isEqualTo("Compute Engine");
		assertThat(this.mappings.providerCode(Provider.AWS, "region", "us-east-1")).isEqualTo("us-east-1");
	}

	@Test
	void everyRowNamesItsSourceAndLicence() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(CodeMappings.RESOURCE)) {
			assertThat(in).isNotNull();
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			assertThat(lines.get(0)).isEqualTo("provider,kind,provider_code,billing_name,source,licence");
			assertThat(lines).hasSizeGreaterThan(30);
			assertThat(lines.stream().skip(1)).allSatisfy(line -> assertThat(
					line.contains("learn.microsoft.com") || line.contains("pricing.us-east-1.amazonaws.com"))
				.as(line)
				.isTrue());
		}
	}

}
