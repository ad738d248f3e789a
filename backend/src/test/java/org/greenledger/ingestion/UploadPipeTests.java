package org.greenledger.ingestion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.greenledger.ledger.Overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounded pipe between an upload and the job that stages it while it arrives, and who
 * ends the job ({@link StreamedUpload}).
 */
class UploadPipeTests {

	@Test
	void theTeeHandsEveryByteOnAndTheJobReadsTheEndOnceHandedOver() throws Exception {
		StreamedUpload upload = upload();
		byte[] content = "ChargePeriodStart,BilledCost\n2025-01-01T00:00:00Z,1.00\n".getBytes();
		assertThat(upload.tee(new ByteArrayInputStream(content)).readAllBytes()).isEqualTo(content);
		assertThat(upload.handOver(upload.provisional())).isTrue();
		assertThat(upload.input().readAllBytes()).isEqualTo(content);
		assertThat(upload.giveUp()).as("handed over: the staging ends the job").isFalse();
		upload.discard("too late");
		assertThat(upload.handedOver()).isTrue();
	}

	@Test
	void aStagingThatGaveUpIsNotHandedOverAndADiscardedOneNotEither() {
		StreamedUpload gaveUp = upload();
		assertThat(gaveUp.giveUp()).isTrue();
		assertThat(gaveUp.handOver(gaveUp.provisional())).as("the worker reads the stored file").isFalse();
		StreamedUpload discarded = upload();
		discarded.discard("a duplicate");
		assertThat(discarded.handOver(discarded.provisional())).isFalse();
		assertThat(discarded.giveUp()).as("nothing to end").isTrue();
		assertThatThrownBy(() -> discarded.input().read()).isInstanceOf(IOException.class).hasMessage("a duplicate");
	}

	private static StreamedUpload upload() {
		UploadOptions options = UploadOptions.of(null, null, Overlap.REPLACE);
		Job job = new Job(UUID.randomUUID(), "bill.csv", "", 0, null, null, Overlap.REPLACE, "admin", null, List.of());
		return new StreamedUpload(job, options, new UploadPipe(1 << 20));
	}

	@Test
	void aFullPipeMakesTheUploadWaitUntilTheJobReads() throws Exception {
		UploadPipe pipe = new UploadPipe(1000);
		byte[] chunk = new byte[600];
		pipe.write(chunk, 0, chunk.length);
		pipe.write(chunk, 0, chunk.length);
		CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
			try {
				pipe.write(chunk, 0, chunk.length);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		assertThat(third).as("1,200 bytes wait already: the upload waits").isNotDone();
		InputStream in = pipe.input();
		assertThat(in.readNBytes(600)).hasSize(600);
		third.get(5, TimeUnit.SECONDS);
	}

	@Test
	void theJobReadsTheEndOnlyOnceTheUploadEndedWell() throws Exception {
		UploadPipe pipe = new UploadPipe(1 << 16);
		pipe.write("a,b\n1,2\n".getBytes(), 0, 8);
		InputStream in = pipe.input();
		CompletableFuture<byte[]> all = CompletableFuture.supplyAsync(() -> {
			try {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		assertThat(all).as("the stored file is not complete yet").isNotDone();
		pipe.end();
		assertThat(new String(all.get(5, TimeUnit.SECONDS))).isEqualTo("a,b\n1,2\n");
	}

	@Test
	void aFailedUploadEndsTheJobsReadingWithItsReason() throws Exception {
		UploadPipe pipe = new UploadPipe(1 << 16);
		pipe.write(new byte[100], 0, 100);
		InputStream in = pipe.input();
		pipe.fail("the upload was cut off");
		assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessage("the upload was cut off");
		pipe.end();
		assertThatThrownBy(in::read).as("a failure stays").isInstanceOf(IOException.class);
	}

	@Test
	void aDetachedJobNoLongerHoldsTheUploadBack() throws Exception {
		UploadPipe pipe = new UploadPipe(10);
		pipe.write(new byte[10], 0, 10);
		CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
			try {
				pipe.write(new byte[10], 0, 10);
				pipe.write(new byte[1000], 0, 1000);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		assertThat(blocked).isNotDone();
		pipe.detach();
		blocked.get(5, TimeUnit.SECONDS);
	}

	@Test
	void chunksUsedAgainCarryEveryByteInItsOrder() throws Exception {
		UploadPipe pipe = new UploadPipe(1 << 18);
		java.util.SplittableRandom random = new java.util.SplittableRandom(5);
		byte[] content = new byte[8 << 20];
		random.nextBytes(content);
		InputStream in = pipe.input();
		CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
			java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[7_001];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					all.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return all.toByteArray();
		});
		// writes of every size: small ones, chunk-sized ones and larger ones
		for (int at = 0; at < content.length;) {
			int length = Math.min(content.length - at, switch (random.nextInt(4)) {
				case 0 -> 1 + random.nextInt(100);
				case 1 -> 1 + random.nextInt(1 << 16);
				case 2 -> 1 << 16;
				default -> 1 + random.nextInt(1 << 18);
			});
			pipe.write(content, at, length);
			java.util.Arrays.fill(content, at, at + length, (byte) 0);
			at += length;
		}
		pipe.end();
		byte[] expected = new byte[content.length];
		new java.util.SplittableRandom(5).nextBytes(expected);
		assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
	}

}
