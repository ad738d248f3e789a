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

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.RowError;

/**
 * Reads a file on a second thread while the calling thread maps, calculates and writes
 * its rows (optionally with a third thread that maps and calculates between them): rows
 * travel in order, in batches, through small bounded queues (so memory does not grow with
 * the file), and a failure on any side stops all and is thrown to the caller.
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
	static <T> T run(Function<BillingRowSink, T> reader, BillingRowSink consumer) {
		return run(reader, new Stages<BillingRow>() {
			@Override
			public BillingRow prepare(BillingRow record) {
				return record;
			}

			@Override
			public void accept(BillingRow prepared) {
				consumer.accept(prepared);
			}

			@Override
			public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
				consumer.reject(row, errors, billedCost);
			}
		}, false);
	}

	/**
	 * Like {@link #run(Function, BillingRowSink)}, with a third thread between the reader
	 * and the caller that prepares each accepted row (for example maps and calculates
	 * it), in order: reading, preparing and the caller's part overlap.
	 * @param reader reads the whole file into the sink it is given and returns a result
	 * (the format read)
	 * @param consumer prepares every accepted row on the preparing thread, then receives
	 * every row, in order, on the calling thread
	 */
	static <T, P> T runInStages(Function<BillingRowSink, T> reader, Stages<P> consumer) {
		return run(reader, consumer, true);
	}

	/**
	 * A consumer whose work on an accepted row is split in two: {@link #prepare} runs on
	 * a thread of its own, {@link #accept} and {@link #reject} on the calling thread;
	 * both see the rows in the file's order.
	 *
	 * @param <P> a prepared row
	 */
	interface Stages<P> {

		P prepare(BillingRow record);

		void accept(P prepared);

		void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost);

	}

	private static <T, P> T run(Function<BillingRowSink, T> reader, Stages<P> consumer, boolean preparing) {
		Channel read = new Channel();
		Thread thread = Thread.ofPlatform().name("ingestion-reader").daemon().start(() -> {
			try {
				T result = reader.apply(read);
				read.flush();
				read.put(new Done(result));
			}
			catch (CancellationException ex) {
				// the consumer stopped
			}
			catch (Throwable ex) {
				read.offerFailure(ex);
			}
		});
		Channel ready = preparing ? new Channel() : read;
		Thread preparer = preparing
				? Thread.ofPlatform().name("ingestion-mapper").daemon().start(() -> prepare(read, consumer, ready))
				: null;
		try {
			while (true) {
				Object item = ready.queue.take();
				if (item instanceof List<?> batch) {
					for (Object row : batch) {
						if (row instanceof Rejected rejected) {
							consumer.reject(rejected.row(), rejected.errors(), rejected.billedCost());
						}
						else {
							@SuppressWarnings("unchecked")
							P prepared = (P) row;
							consumer.accept(prepared);
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
			read.cancelled = true;
			ready.cancelled = true;
			read.queue.clear();
			ready.queue.clear();
			thread.interrupt();
			if (preparer != null) {
				preparer.interrupt();
				awaitEnd(preparer);
			}
			awaitEnd(thread);
		}
	}

	/**
	 * The preparing thread: prepares the accepted rows of each batch in place and hands
	 * the batch on; the end or a failure is handed on as it comes.
	 */
	private static <P> void prepare(Channel read, Stages<P> consumer, Channel ready) {
		try {
			while (true) {
				Object item = read.queue.take();
				if (item instanceof List<?> rows) {
					@SuppressWarnings("unchecked")
					List<Object> batch = (List<Object>) rows;
					for (int i = 0; i < batch.size(); i++) {
						if (batch.get(i) instanceof BillingRow record) {
							batch.set(i, consumer.prepare(record));
						}
					}
					ready.put(batch);
				}
				else {
					ready.put(item);
					return;
				}
			}
		}
		catch (InterruptedException | CancellationException ex) {
			// the consumer stopped
		}
		catch (Throwable ex) {
			ready.offerFailure(ex);
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
	private static final class Channel implements BillingRowSink {

		final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);

		volatile boolean cancelled;

		private List<Object> batch = new ArrayList<>(BATCH);

		@Override
		public void accept(BillingRow record) {
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
