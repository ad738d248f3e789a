package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.greenledger.core.table.ParquetLimits;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;
import org.greenledger.ledger.Overlap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejected rows read again from the stored file, numbered as the readers number them.
 */
class RejectedRowsTests {

	@TempDir
	Path directory;

	@Test
	void csvRowsComeWithTheirOriginalCellsSkippingBlankLinesAndFollowingQuotedLineBreaks() throws IOException {
		String csv = "\uFEFFa,b,c\n1,2,3\n\n\"multi\nline\",5,6\n=bad,-2,@x\n";
		String out = rejected(csv.getBytes(StandardCharsets.UTF_8), new RowError(3, "a", "is not a number"),
				new RowError(1, "*", "first"), new RowError(3, "b", "is negative"), new RowError(9, "*", "gone"));
		assertThat(out).isEqualTo("\uFEFFRow,Column,Reason,a,b,c\r\n" + "1,*,first,1,2,3\r\n"
				+ "3,a,is not a number,'=bad,'-2,'@x\r\n" + "3,b,is negative,'=bad,'-2,'@x\r\n" + "9,*,gone\r\n");
	}

	@Test
	void gzipContentIsReadLikeThePlainFile() throws IOException {
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write("x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(rejected(gzip.toByteArray(), new RowError(2, "y", "bad")))
			.isEqualTo("\uFEFFRow,Column,Reason,x,y\r\n2,y,bad,3,4\r\n");
	}

	@Test
	void jsonLinesGiveTheLineAndBlankLinesAreNotRows() throws IOException {
		String json = "{\"cost\": 1}\n\n{\"cost\": \"x\"}\n";
		assertThat(rejected(json.getBytes(StandardCharsets.UTF_8), new RowError(2, "cost", "is not a number")))
			.isEqualTo("\uFEFFRow,Column,Reason,Line\r\n2,cost,is not a number,\"{\"\"cost\"\": \"\"x\"\"}\"\r\n");
	}

	@Test
	void parquetRowsComeWithTheirFlattenedCells() throws IOException {
		byte[] parquet = Files
			.readAllBytes(Path.of("src/test/resources/fixtures/focus/saas_spend_agreements_b2.parquet"));
		String out = rejected(parquet, new RowError(2, "BilledCost", "test"));
		List<String> lines = out.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("\uFEFFRow,Column,Reason,").contains("BilledCost");
		assertThat(lines.get(1)).startsWith("2,BilledCost,test,");
		assertThat(lines.get(1).split(",").length).isGreaterThan(5);
	}

	@Test
	void greenButtonXmlGivesOnlyTheErrors() throws IOException {
		String xml = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
		assertThat(rejected(xml.getBytes(StandardCharsets.UTF_8), new RowError(4, "IntervalBlock", "line 9: bad")))
			.isEqualTo("\uFEFFRow,Column,Reason\r\n4,IntervalBlock,line 9: bad\r\n");
	}

	@Test
	void aFileNoLongerStoredGivesOnlyTheErrors() throws IOException {
		StoredFiles files = new DirectoryFileStore(this.directory.resolve("files"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<RowError> errors = List.of(new RowError(1, "*", "x"));
		new RejectedRows(files, this::parquet, inRowOrder(errors)).write(job("0".repeat(64), errors), out);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFRow,Column,Reason\r\n1,*,x\r\n");
	}

	private String rejected(byte[] content, RowError... errors) throws IOException {
		StoredFiles files = new DirectoryFileStore(this.directory.resolve("files"));
		StoredFiles.Stored stored = files.store(new ByteArrayInputStream(content));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new RejectedRows(files, this::parquet, inRowOrder(List.of(errors))).write(job(stored.sha256(), List.of(errors)),
				out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** The errors as the database gives them: in row order, then in the order found. */
	private static RejectedRows.RecordedErrors inRowOrder(List<RowError> errors) {
		return (job, action) -> errors.stream().sorted(Comparator.comparingLong(RowError::row)).forEach(action);
	}

	private org.greenledger.core.table.Table parquet(java.io.InputStream content) throws IOException {
		return ParquetTable.open(content, this.directory.resolve("work"), ParquetLimits.DEFAULTS);
	}

	private static IngestionJob job(String sha256, List<RowError> errors) {
		return new IngestionJob(UUID.randomUUID(), "COMPLETED", null, "file.csv", sha256, 0, 1, 0, 0, 0, errors.size(),
				errors, null, List.of(), null, null, "admin", Instant.now(), Instant.now(), Overlap.REPLACE, List.of(),
				List.of(), null, List.of(), null, null, new IngestionJob.Lifecycle(1, 0, null, null, true, null), null,
				List.of());
	}

}
