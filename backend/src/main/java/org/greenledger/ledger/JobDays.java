package org.greenledger.ledger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The days an upload's lines fall on (UTC), read in the upload's own transaction before
 * it commits, so that a file with lines in a locked reporting period is refused whole.
 */
@Service
public class JobDays {

	private final JdbcClient jdbc;

	JobDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first and last day of a span of lines (both included). */
	public record Span(LocalDate first, LocalDate last) {
	}

	/**
	 * The days the job's measured lines cover: from the day of the first start to the day
	 * before the last end's instant.
	 */
	public Optional<Span> measured(UUID job) {
		return this.jdbc.sql("select min(period_start), max(period_end) from measured_line where job_id = ?")
			.param(job)
			.query((rs,
					row) -> (rs.getTimestamp(1) != null)
							? new Span(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
									rs.getTimestamp(2).toInstant().minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate())
							: null)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

}
