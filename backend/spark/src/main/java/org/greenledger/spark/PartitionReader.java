package org.greenledger.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.jspecify.annotations.Nullable;

/**
 * The executor's side: the files of one partition read one after the other on a thread of
 * the task's own, their records streamed to Spark through a {@link RecordQueue}.
 */
final class PartitionReader implements FlatMapFunction<Iterator<SourceFile>, Row> {

	private final Map<String, String> hadoop;

	private final @Nullable String format;

	/**
	 * @param hadoop the driver's Hadoop settings (file systems, credentials)
	 * @param format the billing format the files must be, or null to detect each
	 */
	PartitionReader(Map<String, String> hadoop, @Nullable String format) {
		this.hadoop = hadoop;
		this.format = format;
	}

	@Override
	public Iterator<Row> call(Iterator<SourceFile> input) {
		List<SourceFile> files = new ArrayList<>();
		input.forEachRemaining(files::add);
		Configuration configuration = new Configuration();
		this.hadoop.forEach(configuration::set);
		RecordQueue queue = new RecordQueue();
		Thread reader = new Thread(() -> {
			try {
				for (SourceFile file : files) {
					FileRecords.read(file, configuration, this.format, queue);
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
