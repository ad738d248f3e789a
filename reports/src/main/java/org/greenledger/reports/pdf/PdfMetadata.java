package org.greenledger.reports.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.XmpWriter;

import org.greenledger.reports.Document;

/**
 * The PDF's information dictionary: title, subject, author, creator, the generation time
 * as creation and modification date, and a file identifier derived from the report.
 */
final class PdfMetadata {

	private static final String PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/";

	private PdfMetadata() {
	}

	/** Writes the document's metadata (before the PDF is opened). */
	static void write(Document document, org.openpdf.text.Document pdf, PdfWriter writer) {
		var titleBlock = document.titleBlock();
		pdf.addTitle(titleBlock.title());
		pdf.addSubject(titleBlock.documentType() + ", " + titleBlock.period());
		pdf.addAuthor(titleBlock.reportingEntity());
		pdf.addCreator("GreenLedger " + document.provenance().greenLedgerVersion());
		Calendar generated = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		generated.setTime(Date.from(titleBlock.generatedAt()));
		// Document.addCreationDate() would stamp the current time: set the entries
		// directly.
		writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(generated));
		writer.getInfo().put(PdfName.MODDATE, new PdfDate(generated));
		byte[] id = documentId(document);
		writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
		// The same entries as XMP metadata in the catalog (PDF/UA-1 7.1): title, author,
		// subject, creator tool and the two dates, all from the document; and the PDF/UA
		// identification (PDF/UA-1 5), which the tagged file meets.
		ByteArrayOutputStream xmp = new ByteArrayOutputStream();
		try (XmpWriter metadata = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE)) {
			metadata.addRdfDescription("xmlns:pdfuaid=\"" + PDFUA_NAMESPACE + "\"", "<pdfuaid:part>1</pdfuaid:part>");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		writer.setXmpMetadata(xmp.toByteArray());
	}

	/**
	 * The file identifier: a digest of the report id, version and generation time, not
	 * random.
	 */
	private static byte[] documentId(Document document) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String key = document.provenance().reportId() + "\n" + document.titleBlock().version() + "\n"
					+ document.titleBlock().generatedAt();
			byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
			byte[] id = new byte[16];
			System.arraycopy(digest, 0, id, 0, id.length);
			return id;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
