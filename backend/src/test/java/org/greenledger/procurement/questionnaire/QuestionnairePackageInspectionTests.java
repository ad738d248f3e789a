package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;

import org.greenledger.procurement.SupplierType;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionnairePackageInspectionTests {

	@Test
	void acceptsTheTemplate() {
		assertThat(PackageInspection.refusal(QuestionnaireFixtures.template(SupplierType.HARDWARE_VENDOR))).isEmpty();
	}

	@Test
	void refusesAPackageWithTooManyParts() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i <= PackageInspection.MAX_ENTRIES; i++) {
				zip.putNextEntry(new ZipEntry("xl/part" + i + ".xml"));
				zip.closeEntry();
			}
		}
		assertThat(PackageInspection.refusal(bytes.toByteArray())).hasValue("the workbook has more than 1000 parts");
	}

	@Test
	void refusesActiveXControls() {
		byte[] xlsx = QuestionnaireFixtures.withEntry(QuestionnaireFixtures.template(SupplierType.CLOUD_PROVIDER),
				"xl/activeX/activeX1.xml", new byte[] { '<', '/', '>' });
		assertThat(PackageInspection.refusal(xlsx))
			.hasValueSatisfying(reason -> assertThat(reason).contains("ActiveX"));
	}

	@Test
	void theReaderTightensPoisZipLimits() {
		new QuestionnaireReader();
		assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
		assertThat(ZipSecureFile.getMaxEntrySize()).isLessThanOrEqualTo(100L * 1024 * 1024);
		assertThat(ZipSecureFile.getMaxTextSize()).isLessThanOrEqualTo(10L * 1024 * 1024);
	}

}
