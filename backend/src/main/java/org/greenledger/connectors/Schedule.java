package org.greenledger.connectors;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a connector runs by itself: every ISO-8601 duration ({@code PT6H}, {@code P1D}; at
 * least a minute) after its previous run was queued, or at the times of a cron expression
 * (Spring's six fields {@code second minute hour day month weekday}, or the usual five
 * without seconds), in UTC. A connector without a schedule runs only when asked.
 */
sealed interface Schedule {

	Duration SHORTEST = Duration.ofMinutes(1);

	/** The first time after {@code since} at which the connector is due. */
	Instant next(Instant since);

	/**
	 * @throws IllegalArgumentException with a message for the user when the text is
	 * neither
	 */
	static Schedule parse(String text) {
		String value = text.strip();
		if (value.startsWith("P") || value.startsWith("p")) {
			Duration every;
			try {
				every = Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration such as PT6H or P1D");
			}
			if (every.compareTo(SHORTEST) < 0) {
				throw new IllegalArgumentException("'" + value + "' is shorter than a minute (PT1M)");
			}
			return new Every(every);
		}
		String[] fields = value.split("\\s+");
		String cron = (fields.length == 5) ? "0 " + value : value;
		try {
			return new Cron(CronExpression.parse(cron));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + value + "' is neither an ISO-8601 duration (PT6H) nor a cron"
					+ " expression (five fields 'minute hour day month weekday', e.g. '0 6 * * *', or Spring's six"
					+ " with seconds first)");
		}
	}

	static Optional<Schedule> of(String text) {
		return (text == null || text.isBlank()) ? Optional.empty() : Optional.of(parse(text));
	}

	record Every(Duration every) implements Schedule {

		@Override
		public Instant next(Instant since) {
			return since.plus(this.every);
		}

	}

	record Cron(CronExpression expression) implements Schedule {

		@Override
		public Instant next(Instant since) {
			ZonedDateTime next = this.expression.next(since.atZone(ZoneOffset.UTC));
			return (next != null) ? next.toInstant() : Instant.MAX;
		}

	}

}
