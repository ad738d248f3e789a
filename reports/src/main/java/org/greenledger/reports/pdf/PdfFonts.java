package org.greenledger.reports.pdf;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;

/**
 * The fonts of one rendering: Liberation Sans (SIL Open Font License 1.1) from the
 * {@code openpdf-fonts-extra} jar, embedded as subsets. The font files are read from the
 * class path once; the PDF fonts are made anew for every rendering, each with a seeded
 * subset-prefix generator, so that the same document gives the same bytes. The AWT fonts
 * JFreeChart lays its charts out with come from the same files, so no system font is ever
 * used.
 */
final class PdfFonts implements FontMapper {

	static final Color TEXT = new Color(0x1F, 0x29, 0x33);

	static final Color MUTED = new Color(0x5F, 0x6B, 0x76);

	static final Color ACCENT = new Color(0x1B, 0x6E, 0x4B);

	private static final byte[] REGULAR_TTF = read("LiberationSans-Regular.ttf");

	private static final byte[] BOLD_TTF = read("LiberationSans-Bold.ttf");

	private static final byte[] ITALIC_TTF = read("LiberationSans-Italic.ttf");

	private static final java.awt.Font AWT_REGULAR = awt(REGULAR_TTF);

	private static final java.awt.Font AWT_BOLD = awt(BOLD_TTF);

	final BaseFont regular;

	final BaseFont bold;

	final BaseFont italic;

	final Font title;

	final Font subtitle;

	final Font heading;

	final Font reference;

	final Font body;

	final Font bodyBold;

	final Font small;

	final Font smallBold;

	final Font smallItalic;

	final Font figure;

	final Font tableCell;

	final Font tableHeader;

	final Font mono;

	PdfFonts() {
		this.regular = pdf("LiberationSans-Regular.ttf", REGULAR_TTF);
		this.bold = pdf("LiberationSans-Bold.ttf", BOLD_TTF);
		this.italic = pdf("LiberationSans-Italic.ttf", ITALIC_TTF);
		this.title = new Font(this.bold, 22, Font.NORMAL, TEXT);
		this.subtitle = new Font(this.regular, 13, Font.NORMAL, MUTED);
		this.heading = new Font(this.bold, 14, Font.NORMAL, ACCENT);
		this.reference = new Font(this.regular, 8, Font.NORMAL, MUTED);
		this.body = new Font(this.regular, 9.5f, Font.NORMAL, TEXT);
		this.bodyBold = new Font(this.bold, 9.5f, Font.NORMAL, TEXT);
		this.small = new Font(this.regular, 8, Font.NORMAL, TEXT);
		this.smallBold = new Font(this.bold, 8, Font.NORMAL, TEXT);
		this.smallItalic = new Font(this.italic, 8, Font.NORMAL, MUTED);
		this.figure = new Font(this.bold, 16, Font.NORMAL, TEXT);
		this.tableCell = new Font(this.regular, 7.5f, Font.NORMAL, TEXT);
		this.tableHeader = new Font(this.bold, 7.5f, Font.NORMAL, TEXT);
		this.mono = new Font(this.regular, 7, Font.NORMAL, TEXT);
	}

	/**
	 * The AWT font JFreeChart draws with.
	 * @param bold whether bold
	 * @param size the size in points
	 * @return the font
	 */
	static java.awt.Font awtFont(boolean bold, float size) {
		return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
	}

	@Override
	public BaseFont awtToPdf(java.awt.Font font) {
		return font.isBold() ? this.bold : font.isItalic() ? this.italic : this.regular;
	}

	@Override
	public java.awt.Font pdfToAwt(BaseFont font, int size) {
		return awtFont(font == this.bold, size);
	}

	private static BaseFont pdf(String name, byte[] ttf) {
		try {
			BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
			// A CIDSet of a subset lists only the glyphs used, which PDF/UA-1 (7.21.4.2)
			// rejects; it is optional, so none is written.
			font.setIncludeCidSet(false);
			font.setSecureRandom(seeded(name));
			return font;
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("Could not load font " + name, ex);
		}
	}

	/**
	 * OpenPDF names each embedded subset with six random letters; a generator seeded with
	 * the font name makes them the same in every rendering.
	 */
	private static SecureRandom seeded(String name) {
		try {
			SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
			random.setSeed(name.getBytes(StandardCharsets.UTF_8));
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] read(String name) {
		String path = "liberation/" + name;
		try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Font " + path + " is not on the class path (openpdf-fonts-extra)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static java.awt.Font awt(byte[] ttf) {
		try {
			return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
		}
		catch (java.awt.FontFormatException | IOException ex) {
			throw new IllegalStateException("Could not load an embedded font for charts", ex);
		}
	}

}
