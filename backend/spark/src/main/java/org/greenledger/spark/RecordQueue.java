package org.greenledger.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Batches of records handed from the thread that reads a task's files (core's readers
 * push rows into a sink) to Spark, which pulls them through an iterator; bounded, so that
 * a file of any size streams through a task in little memory.
 */
final class RecordQueue implements Iterator<Row> {

	private static final List<Row> END = Collections.emptyList();

	private final BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(16);

	private Iterator<Row> current = Collections.emptyIterator();

	private boolean ended;

	private volatile @Nullable Throwable failure;

	void put(List<Row> batch) throws InterruptedException {
		this.batches.put(batch);
	}

	/** No more batches: the reader is done. */
	void finish() throws InterruptedException {
		this.batches.put(END);
	}

	/** No more batches: the reader failed with the given error. */
	void fail(Throwable failure) {
		this.failure = failure;
		// the consumer takes what is left, then the end, then the failure
		this.batches.clear();
		this.batches.offer(END);
	}

	@Override
	public boolean hasNext() {
		while (!this.current.hasNext() && !this.ended) {
			List<Row> next;
			try {
				next = this.batches.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the file reader", ex);
			}
			if (next == END) {
				this.ended = true;
				Throwable failed = this.failure;
				if (failed != null) {
					throw new IllegalStateException("The file reader failed", failed);
				}
			}
			this.current = next.iterator();
		}
		return this.current.hasNext();
	}

	@Override
	public Row next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.current.next();
	}

}
