package org.greenledger.core.cloudwatch;

import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.measured.MonitoredInstance;
import org.greenledger.core.measured.UtilizationSample;
import org.greenledger.core.measured.UtilizationSink;
import org.greenledger.core.table.IngestionJson;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;

/**
 * Reads the AWS CLI's JSON answer of {@code aws cloudwatch get-metric-statistics} for
 * {@code --namespace AWS/EC2 --metric-name CPUUtilization}: an object with
 * {@code "Label"} and {@code "Datapoints"}, each datapoint with {@code "Timestamp"}, the
 * statistics asked for ({@code "Average"}, {@code "Maximum"}, ...) and
 * {@code "Unit": "Percent"}.
 *
 * <p>
 * A datapoint's row is the line its object opens on, so that an error points at the line
 * in the file; its column is the key concerned. Each datapoint ends in one sample or one
 * rejection: no or an unreadable timestamp, a timestamp seen before, neither
 * {@code Average} nor {@code Maximum}, a unit other than {@code Percent}, a value outside
 * 0-100. The {@code Average} is used when present (the mean share of busy time in the
 * period), else the {@code Maximum} (which overstates the utilization, so errs against
 * right-sizing). CloudWatch returns datapoints in no order; they are handed over sorted
 * by time, each with the period the datapoints are apart (the smallest spacing; 0 for a
 * single datapoint).
 *
 * <p>
 * The file as a whole is refused when it is not JSON, has no {@code Datapoints} array, or
 * its {@code Label} is another metric than {@code CPUUtilization}.
 */
public final class CloudWatchReader {

	/** The metric the reader takes. */
	public static final String METRIC = "CPUUtilization";

	private CloudWatchReader() {
	}

	/** Reads the answer; returns how many datapoints it held. */
	public static int read(String fileName, Reader text, MonitoredInstance instance, UtilizationSink sink) {
		List<Point> points = new ArrayList<>();
		String label = null;
		boolean datapoints = false;
		try (JsonParser parser = IngestionJson.MAPPER.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidFileException(fileName + ": is not a get-metric-statistics answer: it does not start"
						+ " with a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("Label".equals(name) && value == JsonToken.VALUE_STRING) {
					label = parser.getString();
				}
				else if ("Datapoints".equals(name) && value == JsonToken.START_ARRAY) {
					datapoints = true;
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						long line = parser.currentTokenLocation().getLineNr();
						JsonNode node = parser.readValueAsTree();
						points.add(new Point(Math.max(1, line), node));
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			long line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
			throw new InvalidFileException(fileName + ((line > 0) ? " (line " + line + ")" : "") + ": "
					+ IngestionJson.describe(ex) + "; nothing of the file was used", ex);
		}
		if (!datapoints) {
			throw new InvalidFileException(fileName + ": has no \"Datapoints\" array: expected the JSON answer of"
					+ " aws cloudwatch get-metric-statistics");
		}
		if (label != null && !METRIC.equals(label)) {
			throw new InvalidFileException(fileName + ": holds the metric " + label + ", not " + METRIC
					+ " (export with --namespace AWS/EC2 --metric-name CPUUtilization)");
		}
		List<Accepted> accepted = new ArrayList<>();
		Map<Instant, Long> seen = new HashMap<>();
		for (Point point : points) {
			Accepted each = check(point, seen, sink);
			if (each != null) {
				accepted.add(each);
			}
		}
		accepted.sort(Comparator.comparing(Accepted::start));
		long period = 0;
		for (int i = 1; i < accepted.size(); i++) {
			long gap = accepted.get(i).start().getEpochSecond() - accepted.get(i - 1).start().getEpochSecond();
			period = (period == 0) ? gap : Math.min(period, gap);
		}
		for (Accepted each : accepted) {
			sink.sample(new UtilizationSample(each.row(), instance, each.start(), period, each.percent(),
					each.statistic(), each.maximum()));
		}
		return points.size();
	}

	private static @Nullable Accepted check(Point point, Map<Instant, Long> seen, UtilizationSink sink) {
		long row = point.line();
		JsonNode node = point.node();
		if (!node.isObject()) {
			return reject(sink, row, "*", "is not a datapoint object");
		}
		JsonNode time = node.get("Timestamp");
		if (time == null || !time.isString()) {
			return reject(sink, row, "Timestamp", "is missing");
		}
		Instant start;
		try {
			start = OffsetDateTime.parse(time.asString()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return reject(sink, row, "Timestamp",
					"'" + time.asString() + "' is not an ISO-8601 time with an offset (2014-04-09T11:18:00Z)");
		}
		Long earlier = seen.putIfAbsent(start, row);
		if (earlier != null) {
			return reject(sink, row, "Timestamp", "repeats the datapoint of line " + earlier + " (" + start + ")");
		}
		JsonNode unit = node.get("Unit");
		if (unit != null && !"Percent".equals(unit.asString())) {
			return reject(sink, row, "Unit", "is '" + unit.asString() + "', not Percent: not a CPU utilization");
		}
		String statistic = node.has("Average") ? "Average" : node.has("Maximum") ? "Maximum" : null;
		if (statistic == null) {
			return reject(sink, row, "Average",
					"the datapoint has neither Average nor Maximum (export with --statistics Average Maximum)");
		}
		JsonNode value = node.get(statistic);
		if (!value.isNumber()) {
			return reject(sink, row, statistic, "'" + value.asString() + "' is not a number");
		}
		double percent = value.asDouble();
		if (!(percent >= 0 && percent <= 100)) {
			return reject(sink, row, statistic,
					"is " + value.asString() + ": a CPU utilization lies between 0 and 100");
		}
		Double maximum = null;
		JsonNode max = node.get("Maximum");
		if (statistic.equals("Average") && max != null) {
			if (!max.isNumber() || !(max.asDouble() >= percent && max.asDouble() <= 100)) {
				return reject(sink, row, "Maximum", "is " + max.asString() + ": the maximum lies between the average ("
						+ value.asString() + ") and 100");
			}
			maximum = max.asDouble();
		}
		return new Accepted(row, start, percent, statistic, maximum);
	}

	private static @Nullable Accepted reject(UtilizationSink sink, long row, String column, String message) {
		sink.rejected(row, List.of(new RowError(row, column, message)));
		return null;
	}

	private record Point(long line, JsonNode node) {
	}

	private record Accepted(long row, Instant start, double percent, String statistic, @Nullable Double maximum) {
	}

}
