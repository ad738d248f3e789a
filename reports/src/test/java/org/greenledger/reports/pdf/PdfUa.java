package org.greenledger.reports.pdf;

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

/**
 * veraPDF's PDF/UA-1 (ISO 14289-1) validation of a PDF.
 */
final class PdfUa {

	private PdfUa() {
	}

	/**
	 * Validates the PDF.
	 * @param pdf the file
	 * @return what veraPDF found
	 */
	static Result validate(byte[] pdf) {
		VeraGreenfieldFoundryProvider.initialise();
		TreeMap<String, String> failed = new TreeMap<>();
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
			ValidationResult result = validator.validate(parser);
			for (TestAssertion assertion : result.getTestAssertions()) {
				if (assertion.getStatus() == TestAssertion.Status.FAILED) {
					failed.merge(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber(),
							assertion.getMessage(), (a, b) -> a);
				}
			}
			return new Result(failed, result.getTotalAssertions());
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not validate the PDF", ex);
		}
	}

	/**
	 * @param failed the failed rules (clause-test number) with a message each
	 * @param checks the number of checks made
	 */
	record Result(Map<String, String> failed, int checks) {

	}

}
