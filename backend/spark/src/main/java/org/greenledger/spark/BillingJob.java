package org.greenledger.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

import static org.apache.spark.sql.functions.col;

/**
 * The driver's side: lists the input files and their splits, reads them one split per
 * task with core's chain ({@link PartitionReader}), and writes the output directory in
 * one pass over the input: {@code lines/} (Parquet, one record per activity line with its
 * lineage), while each split's accounting reaches the driver through an accumulator; then
 * {@code rollups/monthly/} (Parquet, from the lines written) and last
 * {@code manifest.json}, so that an output without a manifest is an unfinished one. Lines
 * of a file refused as a whole are dropped by writing {@code lines/} again without them
 * (only then).
 */
final class BillingJob {

	private final SparkSession spark;

	BillingJob(SparkSession spark) {
		this.spark = spark;
	}

	/** What the job wrote. */
	record Result(Map<String, Object> manifest, long lines) {
	}

	Result run(JobArguments arguments) throws IOException {
		Configuration hadoop = this.spark.sparkContext().hadoopConfiguration();
		List<SourceFile> files = SourceFiles.list(arguments.inputs(), hadoop);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("The inputs hold no file: " + String.join(", ", arguments.inputs()));
		}
		Path output = new Path(arguments.output());
		FileSystem outputFs = output.getFileSystem(hadoop);
		if (outputFs.exists(output)) {
			throw new IllegalArgumentException("The output " + output + " exists already; name a new directory");
		}
		Map<String, String> settings = new HashMap<>();
		hadoop.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
		JavaSparkContext context = JavaSparkContext.fromSparkContext(this.spark.sparkContext());
		List<FileSplit> splits = CsvSplits.of(files, settings, context, arguments.splitSize());
		CollectionAccumulator<SplitReport> reports = this.spark.sparkContext()
			.collectionAccumulator("greenledger split reports");
		JavaRDD<Row> rows = context.parallelize(splits, splits.size())
			.mapPartitions(new PartitionReader(settings, arguments.format(), reports));
		Path lines = new Path(output, "lines");
		this.spark.createDataFrame(rows, OutputColumns.SCHEMA).write().parquet(lines.toString());
		JobReport report = JobReport.of(reasonsAsRead(reports.value(), splits, settings, arguments, context));
		if (!report.refused().isEmpty()) {
			dropRefused(outputFs, output, lines, report);
		}
		report.rollups().toDataset(this.spark).write().parquet(new Path(output, "rollups/monthly").toString());
		Map<String, Object> manifest = Manifest.of(report, arguments.inputs(), files);
		try (OutputStream out = outputFs.create(new Path(output, "manifest.json"), false)) {
			LineRecords.JSON.writerWithDefaultPrettyPrinter().writeValue(out, manifest);
		}
		return new Result(manifest, this.spark.read().parquet(lines.toString()).count());
	}

	/**
	 * The reports, where a file read in several splits was refused, with the file read
	 * again by one task: its reason then names the rows as an upload of the file would (a
	 * split's reader counts its rows and lines from the split's start). Its lines are not
	 * kept either way.
	 */
	private static List<SplitReport> reasonsAsRead(List<SplitReport> reports, List<FileSplit> splits,
			Map<String, String> settings, JobArguments arguments, JavaSparkContext context) {
		Set<String> split = new HashSet<>();
		for (SplitReport report : reports) {
			if (report.account().isRefused()
					&& splits.stream().anyMatch(each -> each.file().name().equals(report.file()) && !each.isWhole())) {
				split.add(report.file());
			}
		}
		if (split.isEmpty()) {
			return reports;
		}
		List<FileSplit> whole = splits.stream()
			.filter(each -> each.index() == 0 && split.contains(each.file().name()))
			.map(each -> FileSplit.whole(each.file()))
			.toList();
		CollectionAccumulator<SplitReport> again = context.sc().collectionAccumulator("greenledger refused files");
		context.parallelize(whole, whole.size())
			.mapPartitions(new PartitionReader(settings, arguments.format(), again))
			.foreach(line -> {
			});
		List<SplitReport> kept = new ArrayList<>(
				reports.stream().filter(report -> !split.contains(report.file())).toList());
		kept.addAll(again.value());
		return kept;
	}

	/**
	 * Writes lines/ again without the lines of the refused files, a row's lines together
	 * and in order (the loader reads them so).
	 */
	private void dropRefused(FileSystem fs, Path output, Path lines, JobReport report) throws IOException {
		Path kept = new Path(output, "_lines-kept");
		Dataset<Row> read = this.spark.read().parquet(lines.toString());
		read.filter(col("source_file").isin(report.refused().toArray()).unary_$bang())
			.repartition(Math.max(1, read.rdd().getNumPartitions()), col("source_file"), col("source_row"))
			.sortWithinPartitions("source_file", "source_row", "line")
			.write()
			.parquet(kept.toString());
		if (!fs.delete(lines, true) || !fs.rename(kept, lines)) {
			throw new IOException("Could not replace " + lines + " with the lines of the files read");
		}
	}

}
