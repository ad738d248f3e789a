package org.greenledger.spark;

import java.io.IOException;
import java.io.OutputStream;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;

/**
 * The driver's side: lists the input files, reads them one per task with core's chain
 * ({@link PartitionReader}), and writes the output directory: {@code lines/} (Parquet,
 * one record per activity line with its lineage), {@code rollups/monthly/} (Parquet), and
 * last {@code manifest.json}, so that an output without a manifest is an unfinished one.
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
		JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(this.spark.sparkContext())
			.parallelize(files, files.size())
			.mapPartitions(new PartitionReader(settings, arguments.format()));
		Dataset<Row> records = this.spark.createDataFrame(rows, OutputColumns.SCHEMA)
			.persist(StorageLevel.MEMORY_AND_DISK());
		try {
			List<Row> accounting = records.filter(col("record").notEqual(OutputColumns.LINE)).collectAsList();
			Set<String> refused = new HashSet<>();
			for (Row record : accounting) {
				if (OutputColumns.REJECTED.equals(record.getString(OutputColumns.at("record")))
						&& "(file)".equals(record.getString(OutputColumns.at("column")))) {
					refused.add(record.getString(OutputColumns.at("source_file")));
				}
			}
			Column kept = col("record").equalTo(OutputColumns.LINE);
			if (!refused.isEmpty()) {
				kept = kept.and(col("source_file").isin(refused.toArray()).unary_$bang());
			}
			Dataset<Row> lines = records.filter(kept)
				.select(OutputColumns.LINE_COLUMNS.stream().map(name -> col(name)).toArray(Column[]::new));
			lines.write().parquet(new Path(output, "lines").toString());
			Dataset<Row> written = this.spark.read().parquet(new Path(output, "lines").toString());
			MonthlyRollups.of(written).write().parquet(new Path(output, "rollups/monthly").toString());
			Map<String, Object> manifest = Manifest.of(accounting, arguments.inputs(), files, refused);
			try (OutputStream out = outputFs.create(new Path(output, "manifest.json"), false)) {
				LineRecords.JSON.writerWithDefaultPrettyPrinter().writeValue(out, manifest);
			}
			return new Result(manifest, written.count());
		}
		finally {
			records.unpersist();
		}
	}

}
