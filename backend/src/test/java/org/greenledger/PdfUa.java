package org.greenledger;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDF/UA-1 (ISO 14289-1) checks of the documents the backend renders, with veraPDF (test
 * scope; the same check as the reports module's {@code PdfAccessibilityTest}).
 */
public final class PdfUa {

	private PdfUa() {
	}

	/**
	 * Asserts that veraPDF finds no failed PDF/UA-1 rule in the file.
	 * @param name the document, for the message
	 * @param pdf the file
	 */
	public static void assertAccessible(String name, byte[] pdf) {
		assertThat(failedRules(pdf)).as("PDF/UA-1 rules failed by " + name).isEmpty();
	}

	/**
	 * The PDF/UA-1 rules the file fails.
	 * @param pdf the file
	 * @return each failed rule (clause-test number) with veraPDF's message
	 */
	public static Map<String, String> failedRules(byte[] pdf) {
		VeraGreenfieldFoundryProvider.initialise();
		TreeMap<String, String> failed = new TreeMap<>();
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.getTotalAssertions()).as("checks made").isPositive();
			for (TestAssertion assertion : result.getTestAssertions()) {
				if (assertion.getStatus() == TestAssertion.Status.FAILED) {
					failed.merge(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber(),
							assertion.getMessage(), (first, next) -> first);
				}
			}
			return failed;
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not validate the PDF", ex);
		}
	}

}
