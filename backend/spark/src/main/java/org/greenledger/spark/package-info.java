/**
 * GreenLedger on Apache Spark: billing files read from any Hadoop file system by
 * greenledger-core's readers inside the executors, one file per task (several for a large
 * plain CSV file), mapped and calculated by core's billing mapper and footprint engine,
 * and written as Parquet (activity lines with their lineage, monthly rollups) with a JSON
 * manifest that accounts for every row. {@link org.greenledger.spark.SparkIngestion} is
 * the spark-submit entry point.
 */
@NullMarked
package org.greenledger.spark;

import org.jspecify.annotations.NullMarked;
