package org.greenledger.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import org.jspecify.annotations.Nullable;

/**
 * The executor's side: the splits of one partition read one after the other on a thread
 * of the task's own, their activity lines streamed to Spark through a
 * {@link RecordQueue}, and each split's {@link SplitReport} added to the job's
 * accumulator (which the driver reads once the lines are written; a task that fails or
 * runs twice is counted once, by file and split).
 */
final class PartitionReader implements FlatMapFunction<Iterator<FileSplit>, Row> {

	private final Map<String, String> hadoop;

	private final @Nullable String format;

	private final CollectionAccumulator<SplitReport> reports;

	/**
	 * @param hadoop the driver's Hadoop settings (file systems, credentials)
	 * @param format the billing format the files must be, or null to detect each
	 * @param reports where each split's accounting goes
	 */
	PartitionReader(Map<String, String> hadoop, @Nullable String format, CollectionAccumulator<SplitReport> reports) {
		this.hadoop = hadoop;
		this.format = format;
		this.reports = reports;
	}

	@Override
	public Iterator<Row> call(Iterator<FileSplit> input) {
		List<FileSplit> splits = new ArrayList<>();
		input.forEachRemaining(splits::add);
		Configuration configuration = new Configuration();
		this.hadoop.forEach(configuration::set);
		RecordQueue queue = new RecordQueue();
		Thread reader = new Thread(() -> {
			try {
				FactorLists factorLists = new FactorLists();
				LineRecords records = new LineRecords(factorLists);
				for (FileSplit split : splits) {
					this.reports.add(FileRecords.read(split, configuration, this.format, queue, records, factorLists));
				}
				queue.finish();
			}
			catch (InterruptedException ex) {
				queue.fail(ex);
			}
			catch (RuntimeException | Error ex) {
				queue.fail(ex);
			}
		}, "greenledger-reader");
		reader.setDaemon(true);
		TaskContext task = TaskContext.get();
		if (task != null) {
			task.addTaskCompletionListener((TaskCompletionListener) context -> reader.interrupt());
		}
		reader.start();
		return queue;
	}

}
