package org.greenledger.procurement.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an uploaded file before POI parses it: that it is a ZIP package at all
 * (not a legacy or encrypted .xls), that it holds no macros, ActiveX controls or external
 * links, and that it does not inflate to more than a fixed budget or by a suspicious
 * ratio (zip bomb). Inflating stops as soon as a limit is crossed, so a bomb costs
 * milliseconds.
 */
final class PackageInspection {

	/** Uncompressed bytes all entries together may inflate to. */
	static final long MAX_UNCOMPRESSED = 50L * 1024 * 1024;

	/** Entries a package may hold. */
	static final int MAX_ENTRIES = 1000;

	/** Above this many uncompressed bytes, the inflation ratio is checked. */
	static final long RATIO_GRACE = 1024L * 1024;

	/**
	 * Largest uncompressed:compressed ratio accepted past the grace size (POI's 0.01).
	 */
	static final long MAX_RATIO = 100;

	private PackageInspection() {
	}

	/** The reason to refuse the file, or empty if it may be opened. */
	static Optional<String> refusal(byte[] bytes) {
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0) {
			return Optional.of("this is a legacy .xls or a password-protected workbook; "
					+ "remove any password and save it as Excel Workbook (.xlsx)");
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			return Optional.of("this is not an Excel workbook (.xlsx)");
		}
		long total = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					return Optional.of("the workbook has more than " + MAX_ENTRIES + " parts");
				}
				Optional<String> part = refusedPart(entry.getName());
				if (part.isPresent()) {
					return part;
				}
				int read;
				while ((read = zip.read(buffer)) > 0) {
					total += read;
					if (total > MAX_UNCOMPRESSED) {
						return Optional.of("the workbook unpacks to more than " + (MAX_UNCOMPRESSED >> 20)
								+ " MB; it is not a questionnaire (possibly a zip bomb)");
					}
					if (total > RATIO_GRACE && total > MAX_RATIO * bytes.length) {
						return Optional.of("the workbook is compressed suspiciously well (over " + MAX_RATIO
								+ ":1); it is not a questionnaire (possibly a zip bomb)");
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.of("the file is damaged or not an Excel workbook (.xlsx)");
		}
		return (entries == 0) ? Optional.of("this is not an Excel workbook (.xlsx)") : Optional.empty();
	}

	private static Optional<String> refusedPart(String entryName) {
		String name = entryName.toLowerCase(Locale.ROOT);
		if (name.contains("vbaproject") || name.contains("vbadata")) {
			return Optional.of("the workbook contains macros (VBA); macros are never run and such files are refused: "
					+ "save it as Excel Workbook (.xlsx)");
		}
		if (name.startsWith("xl/activex/")) {
			return Optional.of("the workbook contains ActiveX controls; remove them and save it as .xlsx");
		}
		if (name.startsWith("xl/externallinks/")) {
			return Optional.of("the workbook links to other workbooks; links are never followed: "
					+ "break the links (Data > Edit Links > Break Link) and type the values");
		}
		return Optional.empty();
	}

}
