package org.greenledger.ingestion.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The own multipart reader splits every body as commons-fileupload's iterator does: the
 * same parts (field, file name, content) and the same error (type and message) for
 * well-formed, cut-off and malformed bodies, whatever blocks the request arrives in.
 */
class MultipartPartsTests {

	private static final String BOUNDARY = "------------------------4f2a9c0e1d7b3a65";

	@Test
	void aFileAndFieldsInAnyOrderAreReadAsCommonsFileUploadReadsThem() throws IOException {
		String body = "preamble to skip\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"format\"\r\n\r\nFOCUS\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"bill.csv\"\r\nContent-Type: text/csv\r\n\r\n"
				+ "a,b\r\n1,2\r\n--" + BOUNDARY.substring(0, 10) + "\r\n-\r\n\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"overlap\"\r\n\r\nAPPEND\r\n--" + BOUNDARY + "--\r\nepilogue";
		List<String> parts = same(body.getBytes(StandardCharsets.ISO_8859_1), 7);
		assertThat(parts).containsExactly("format|null|FOCUS",
				"file|bill.csv|a,b\r\n1,2\r\n--" + BOUNDARY.substring(0, 10) + "\r\n-\r\n", "overlap|null|APPEND",
				"end");
	}

	@Test
	void randomBodiesGiveTheSamePartsAndErrorsAsCommonsFileUpload() throws IOException {
		Random random = new Random(20261206);
		int errors = 0;
		for (int i = 0; i < 400; i++) {
			byte[] body = randomBody(random);
			if (random.nextInt(4) == 0) {
				// cut off, or a byte changed
				body = (random.nextBoolean()) ? java.util.Arrays.copyOf(body, random.nextInt(body.length + 1))
						: flip(body, random);
			}
			List<String> parts = same(body, 1 + random.nextInt(9000));
			if (parts.get(parts.size() - 1).startsWith("error")) {
				errors++;
			}
		}
		assertThat(errors).as("some bodies were malformed").isBetween(20, 380);
	}

	@Test
	void headersTooLongAndCutOffBodiesAreRefusedWithTheLibrarysWords() throws IOException {
		String longHeaders = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Pad: "
				+ "p".repeat(600) + "\r\n\r\nv\r\n--" + BOUNDARY + "--\r\n";
		assertThat(same(longHeaders.getBytes(StandardCharsets.ISO_8859_1), 4096))
			.containsExactly("error FileUploadSizeException: Header section has more than 512 bytes"
					+ " (maybe it is not properly terminated)");
		String wrong = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv\r\n--" + BOUNDARY
				+ "xx";
		assertThat(same(wrong.getBytes(StandardCharsets.ISO_8859_1), 4096)).as("the parts end there")
			.containsExactly("x|null|v", "end");
		String cut = "--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nno end";
		assertThat(same(cut.getBytes(StandardCharsets.ISO_8859_1), 4096))
			.containsExactly("error MalformedStreamException: Stream ended unexpectedly");
	}

	/**
	 * Both readers' parts, asserted equal, as "field|file name|content" and "end" or the
	 * error.
	 */
	private static List<String> same(byte[] body, int block) throws IOException {
		List<String> ours = new ArrayList<>();
		try {
			MultipartParts parts = MultipartParts.of(request(body, block));
			for (MultipartParts.Part part = parts.next(); part != null; part = parts.next()) {
				String content = read(part.content());
				ours.add(part.fieldName() + "|" + part.name() + "|" + content);
			}
			ours.add("end");
		}
		catch (IOException ex) {
			ours.add("error " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		List<String> theirs = new ArrayList<>();
		try {
			FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request(body, block));
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				String content;
				try (InputStream in = part.getInputStream()) {
					content = read(in);
				}
				theirs.add(part.getFieldName() + "|" + part.getName() + "|" + content);
			}
			theirs.add("end");
		}
		catch (IOException ex) {
			theirs.add("error " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		assertThat(ours).as(new String(body, StandardCharsets.ISO_8859_1)).isEqualTo(theirs);
		return ours;
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[777];
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			out.write(buffer, 0, n);
		}
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	/** Parts whose contents are made of pieces of the boundary, CR, LF and dashes. */
	private static byte[] randomBody(Random random) {
		String[] pieces = { "\r", "\n", "\r\n", "-", "--", "\r\n--",
				BOUNDARY.substring(0, random.nextInt(BOUNDARY.length())), "a,b,c", "x".repeat(random.nextInt(20_000)),
				"é", "\u0000" };
		StringBuilder body = new StringBuilder();
		if (random.nextBoolean()) {
			body.append("preamble\r\n");
		}
		int count = random.nextInt(5);
		for (int i = 0; i < count; i++) {
			body.append("--").append(BOUNDARY).append("\r\n");
			boolean file = random.nextBoolean();
			body.append("Content-Disposition: form-data; name=\"f").append(i).append('"');
			if (file) {
				body.append("; filename=\"f").append(i).append(".csv\"");
			}
			body.append("\r\n\r\n");
			int n = random.nextInt(12);
			for (int j = 0; j < n; j++) {
				body.append(pieces[random.nextInt(pieces.length)]);
			}
			body.append("\r\n");
		}
		body.append("--").append(BOUNDARY).append("--\r\n");
		return body.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] flip(byte[] body, Random random) {
		byte[] changed = body.clone();
		if (changed.length > 0) {
			changed[random.nextInt(changed.length)] = (byte) "-\r\nx".charAt(random.nextInt(4));
		}
		return changed;
	}

	/** A request whose body arrives in blocks of at most the given size. */
	private static MockHttpServletRequest request(byte[] body, int block) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/ingestions") {

			private final ServletInputStream in = new ServletInputStream() {

				private final ByteArrayInputStream bytes = new ByteArrayInputStream(body);

				@Override
				public int read() throws IOException {
					return this.bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return this.bytes.read(buffer, offset, Math.min(length, block));
				}

				@Override
				public boolean isFinished() {
					return this.bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}

			};

			@Override
			public ServletInputStream getInputStream() {
				return this.in;
			}

		};
		request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
		return request;
	}

}
