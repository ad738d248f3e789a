package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTests {

	@Test
	void everyRowArrivesInOrderAndTheReadersResultIsReturned() {
		Recording consumer = new Recording(-1);
		String result = ReadAhead.run(sink -> {
			for (long row = 1; row <= 10_000; row++) {
				if (row % 1000 == 0) {
					sink.reject(row, List.of(new RowError(row, "BilledCost", "is empty")), null);
				}
				else {
					sink.accept(record(row));
				}
			}
			return "FOCUS 1.2";
		}, consumer);
		assertThat(result).isEqualTo("FOCUS 1.2");
		assertThat(consumer.rows).hasSize(10_000);
		for (int i = 0; i < consumer.rows.size(); i++) {
			assertThat(consumer.rows.get(i)).isEqualTo(i + 1);
		}
	}

	@Test
	void aReaderFailureReachesTheCaller() {
		assertThatThrownBy(() -> ReadAhead.run(sink -> {
			sink.accept(record(1));
			throw new InvalidFileException("bill.csv: the CSV is malformed");
		}, new Recording(-1))).isInstanceOf(InvalidFileException.class).hasMessageContaining("malformed");
	}

	@Test
	void aConsumerFailureStopsTheReader() throws InterruptedException {
		Thread[] readerThread = new Thread[1];
		assertThatThrownBy(() -> ReadAhead.run(sink -> {
			readerThread[0] = Thread.currentThread();
			for (long row = 1;; row++) {
				sink.accept(record(row));
			}
		}, new Recording(5000))).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 5000");
		readerThread[0].join(5000);
		assertThat(readerThread[0].isAlive()).isFalse();
	}

	@Test
	void inStagesEveryRowIsPreparedOffTheCallersThreadAndArrivesInOrder() {
		Thread caller = Thread.currentThread();
		Set<Thread> preparers = ConcurrentHashMap.newKeySet();
		List<Long> rows = new ArrayList<>();
		String result = ReadAhead.runInStages(sink -> {
			for (long row = 1; row <= 10_000; row++) {
				if (row % 1000 == 0) {
					sink.reject(row, List.of(new RowError(row, "BilledCost", "is empty")), null);
				}
				else {
					sink.accept(record(row));
				}
			}
			return "FOCUS 1.2";
		}, new ReadAhead.Stages<Long>() {
			@Override
			public Long prepare(BillingRow record) {
				preparers.add(Thread.currentThread());
				return record.row();
			}

			@Override
			public void accept(Long prepared) {
				rows.add(prepared);
			}

			@Override
			public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
				rows.add(-row);
			}
		});
		assertThat(result).isEqualTo("FOCUS 1.2");
		assertThat(preparers).hasSize(1).doesNotContain(caller);
		assertThat(rows).hasSize(10_000);
		for (int i = 0; i < rows.size(); i++) {
			assertThat(Math.abs(rows.get(i))).isEqualTo(i + 1);
			assertThat(rows.get(i) < 0).isEqualTo((i + 1) % 1000 == 0);
		}
	}

	@Test
	void inStagesAPreparingFailureReachesTheCallerAndStopsTheReader() throws InterruptedException {
		Thread[] readerThread = new Thread[1];
		List<Long> accepted = new ArrayList<>();
		assertThatThrownBy(() -> ReadAhead.runInStages(sink -> {
			readerThread[0] = Thread.currentThread();
			for (long row = 1;; row++) {
				sink.accept(record(row));
			}
		}, new ReadAhead.Stages<Long>() {
			@Override
			public Long prepare(BillingRow record) {
				if (record.row() == 5000) {
					throw new IllegalStateException("row 5000 cannot be mapped");
				}
				return record.row();
			}

			@Override
			public void accept(Long prepared) {
				accepted.add(prepared);
			}

			@Override
			public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
			}
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 5000");
		readerThread[0].join(5000);
		assertThat(readerThread[0].isAlive()).isFalse();
		assertThat(accepted).hasSizeLessThan(5000);
	}

	private static BillingRow record(long row) {
		Instant start = Instant.parse("2024-03-01T00:00:00Z");
		return new BillingRow(row, "Usage", null, start, start.plusSeconds(3600), BigDecimal.ONE, null, "USD", "AWS",
				null, null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of());
	}

	private static final class Recording implements BillingRowSink {

		final List<Long> rows = new ArrayList<>();

		final long failAt;

		Recording(long failAt) {
			this.failAt = failAt;
		}

		@Override
		public void accept(BillingRow record) {
			add(record.row());
		}

		@Override
		public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
			add(row);
		}

		private void add(long row) {
			if (row == this.failAt) {
				throw new IllegalStateException("Could not stage row " + row);
			}
			this.rows.add(row);
		}

	}

}
