package org.greenledger.ingestion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.focus.FocusRecord;
import org.greenledger.ingestion.focus.RowSink;

/**
 * Reads a file on a second thread while the calling thread maps, calculates and writes
 * its rows: rows travel in order, in batches, through a small bounded queue (so memory
 * does not grow with the file), and a failure on either side stops both and is thrown to
 * the caller.
 */
final class ReadAhead {

	private static final int BATCH = 512;

	private static final int BATCHES_IN_FLIGHT = 8;

	private ReadAhead() {
	}

	/**
	 * @param reader reads the whole file into the sink it is given and returns a result
	 * (the format read)
	 * @param consumer receives every row, in order, on the calling thread
	 */
	static <T> T run(Function<RowSink, T> reader, RowSink consumer) {
		Channel channel = new Channel();
		Thread thread = Thread.ofPlatform().name("ingestion-reader").daemon().start(() -> {
			try {
				T result = reader.apply(channel);
				channel.flush();
				channel.put(new Done(result));
			}
			catch (CancellationException ex) {
				// the consumer stopped
			}
			catch (Throwable ex) {
				channel.offerFailure(ex);
			}
		});
		try {
			while (true) {
				Object item = channel.queue.take();
				if (item instanceof List<?> batch) {
					for (Object row : batch) {
						if (row instanceof FocusRecord record) {
							consumer.accept(record);
						}
						else {
							Rejected rejected = (Rejected) row;
							consumer.reject(rejected.row(), rejected.errors(), rejected.billedCost());
						}
					}
				}
				else if (item instanceof Done done) {
					@SuppressWarnings("unchecked")
					T result = (T) done.result();
					return result;
				}
				else if (item instanceof Failed failed) {
					if (failed.cause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (failed.cause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(failed.cause());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while ingesting");
		}
		finally {
			channel.cancelled = true;
			channel.queue.clear();
			thread.interrupt();
			awaitEnd(thread);
		}
	}

	/** The reader stops within its next hand-over; the file is closed only after that. */
	private static void awaitEnd(Thread thread) {
		try {
			if (!thread.join(java.time.Duration.ofSeconds(30))) {
				throw new IllegalStateException("The reader thread did not stop within 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Rejected(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
	}

	private record Done(@Nullable Object result) {
	}

	private record Failed(Throwable cause) {
	}

	/** The reader's side: batches rows and hands them over. */
	private static final class Channel implements RowSink {

		final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);

		volatile boolean cancelled;

		private List<Object> batch = new ArrayList<>(BATCH);

		@Override
		public void accept(FocusRecord record) {
			add(record);
		}

		@Override
		public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
			add(new Rejected(row, List.copyOf(errors), billedCost));
		}

		private void add(Object row) {
			this.batch.add(row);
			if (this.batch.size() == BATCH) {
				flush();
			}
		}

		void flush() {
			if (!this.batch.isEmpty()) {
				put(this.batch);
				this.batch = new ArrayList<>(BATCH);
			}
		}

		void put(Object item) {
			try {
				while (!this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
					if (this.cancelled) {
						throw new CancellationException();
					}
				}
			}
			catch (InterruptedException ex) {
				throw new CancellationException();
			}
		}

		void offerFailure(Throwable cause) {
			try {
				put(new Failed(cause));
			}
			catch (CancellationException ex) {
				// nobody is listening any more
			}
		}

	}

}
