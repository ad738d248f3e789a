package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.core.measured.UtilizationSample;

/**
 * Stores a file's CPU utilization datapoints ({@code cpu_utilization_sample}) inside the
 * job's transaction; at the end, datapoints of the same instances and times from earlier
 * uploads are replaced (deleted) and counted, so that an instance's utilization is never
 * counted twice.
 */
public final class CpuUtilizationWriter implements AutoCloseable {

	private static final int BATCH = 1_000;

	private final Connection connection;

	private final UUID job;

	private final PreparedStatement insert;

	private final Map<String, Span> instances = new LinkedHashMap<>();

	private int batched;

	public CpuUtilizationWriter(Connection connection, UUID job) throws SQLException {
		this.connection = connection;
		this.job = job;
		this.insert = connection.prepareStatement("""
				insert into cpu_utilization_sample (job_id, source_row, provider, account_id, region, instance_id,
				    instance_type, sample_start, period_seconds, percent, statistic, maximum_percent)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
	}

	public void accept(UtilizationSample sample) throws SQLException {
		this.insert.setObject(1, this.job);
		this.insert.setLong(2, sample.row());
		this.insert.setString(3, sample.instance().provider());
		this.insert.setString(4, sample.instance().accountId());
		this.insert.setString(5, sample.instance().region());
		this.insert.setString(6, sample.instance().instanceId());
		this.insert.setString(7, sample.instance().instanceType());
		this.insert.setTimestamp(8, Timestamp.from(sample.start()));
		this.insert.setLong(9, sample.periodSeconds());
		this.insert.setDouble(10, sample.percent());
		this.insert.setString(11, sample.statistic());
		this.insert.setObject(12, sample.maximumPercent(), java.sql.Types.DOUBLE);
		this.insert.addBatch();
		this.instances.computeIfAbsent(sample.instance().instanceId(), id -> new Span()).add(sample.start());
		if (++this.batched >= BATCH) {
			this.insert.executeBatch();
			this.batched = 0;
		}
	}

	/**
	 * Replaces earlier datapoints of the file's instances in the file's time span.
	 * @return per instance: datapoints, first and last, and how many earlier datapoints
	 * were replaced
	 */
	public List<Map<String, Object>> finish() throws SQLException {
		if (this.batched > 0) {
			this.insert.executeBatch();
			this.batched = 0;
		}
		List<Map<String, Object>> summary = new ArrayList<>();
		try (PreparedStatement delete = this.connection.prepareStatement("""
				delete from cpu_utilization_sample
				where instance_id = ? and sample_start between ? and ? and job_id <> ?""")) {
			for (Map.Entry<String, Span> instance : this.instances.entrySet()) {
				Span span = instance.getValue();
				delete.setString(1, instance.getKey());
				delete.setTimestamp(2, Timestamp.from(span.first));
				delete.setTimestamp(3, Timestamp.from(span.last));
				delete.setObject(4, this.job);
				int replaced = delete.executeUpdate();
				Map<String, Object> each = new LinkedHashMap<>();
				each.put("instanceId", instance.getKey());
				each.put("datapoints", span.count);
				each.put("from", span.first.toString());
				each.put("to", span.last.toString());
				each.put("replacedEarlierDatapoints", replaced);
				summary.add(each);
			}
		}
		return summary;
	}

	@Override
	public void close() throws SQLException {
		this.insert.close();
	}

	private static final class Span {

		Instant first = Instant.MAX;

		Instant last = Instant.MIN;

		long count;

		void add(Instant at) {
			this.first = at.isBefore(this.first) ? at : this.first;
			this.last = at.isAfter(this.last) ? at : this.last;
			this.count++;
		}

	}

}
