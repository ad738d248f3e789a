package org.greenledger.ingestion;

import java.io.IOException;
import java.io.InputStream;

import javax.sql.DataSource;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.billing.ParquetOpener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Opens a claimed job's stored file for the pipelines, in the job's transaction. */
@Component
class JobFiles {

	private final StoredFiles files;

	private final ParquetOpener parquet;

	private final DataSource dataSource;

	JobFiles(StoredFiles files, ParquetOpener parquet, DataSource dataSource) {
		this.files = files;
		this.parquet = parquet;
		this.dataSource = dataSource;
	}

	/**
	 * The job's file, with the connection of the transaction that runs it (call it inside
	 * that transaction).
	 */
	JobFile open(Job job, RowErrors errors) throws IOException {
		return JobFile.open(job, this.files.open(job.sha256()), this.parquet,
				DataSourceUtils.getConnection(this.dataSource), errors);
	}

	/**
	 * The job's file as it arrives (the content of an upload on its way into the store),
	 * with the connection of the transaction that runs it.
	 * @param parquet what opens the content when it is Parquet
	 */
	JobFile arriving(Job job, InputStream content, ParquetOpener parquet, RowErrors errors) throws IOException {
		return JobFile.open(job, content, parquet, DataSourceUtils.getConnection(this.dataSource), errors);
	}

}
