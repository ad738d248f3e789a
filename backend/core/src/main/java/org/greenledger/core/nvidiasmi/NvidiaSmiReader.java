package org.greenledger.core.nvidiasmi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.FastNumbers;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.MalformedTableException;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;

/**
 * Reads the CSV that {@code nvidia-smi --query-gpu=timestamp,name,index,uuid,power.draw
 * --format=csv[,nounits] -l 1} writes, streaming: every data row becomes one
 * {@link MeasurementSink#power} call or one rejection.
 *
 * <p>
 * The header names the fields, with their units in brackets ({@code power.draw [W]});
 * blanks after commas are ignored, columns may come in any order and other query fields
 * are ignored. Required: {@code timestamp}, {@code power.draw} (or, when absent,
 * {@code power.draw.average} or {@code power.draw.instant}) and {@code index} or
 * {@code uuid}; {@code name} is used when present. Power is read with or without
 * {@code nounits} ({@code 312.45 W} or {@code 312.45}); W, mW and kW are converted, any
 * other unit (in the header or in the value) rejects the row naming the column.
 * {@code [N/A]}, {@code [Not Supported]} and other bracketed words, unparsable and
 * negative power reject the row.
 *
 * <p>
 * nvidia-smi writes timestamps ({@code 2024/05/01 12:00:00.123}) in the local time of the
 * machine, without a zone: the zone is a parameter (UTC when not given). In a zone with
 * daylight saving, local times in the spring gap are moved forward and the autumn hour
 * that occurs twice takes the earlier offset, so its second pass goes backwards; record
 * in UTC ({@code TZ=UTC nvidia-smi ...}) to avoid that.
 *
 * <p>
 * One series per GPU: source {@link MeasuredSource#NVIDIA_SMI}, metric
 * {@code power.draw}, quantity energy, labels {@code gpu} (index), {@code gpu_uuid},
 * {@code model} (name), and {@code host} and {@code site} from the {@link ReadingContext}
 * when given. Rows are numbered from 1 after the header.
 */
public final class NvidiaSmiReader {

	/** The query that produces a file this reader reads, for messages and docs. */
	public static final String QUERY = "nvidia-smi --query-gpu=timestamp,name,index,uuid,power.draw --format=csv -l 1";

	private static final String METRIC = "power.draw";

	private final String fileName;

	private final ReadingContext context;

	private final LocalClock clock;

	private final MeasurementSink sink;

	/**
	 * The GPUs seen, by a hash of their key (open addressing; emptied when half full).
	 */
	private final Gpu[] recent = new Gpu[64];

	private int recentCount;

	private final Map<String, Integer> handles = new HashMap<>();

	private int timestamp = -1;

	private int power = -1;

	private int index = -1;

	private int uuid = -1;

	private int name = -1;

	private String timestampName = "timestamp";

	private String powerName = METRIC;

	private double headerFactor = 1;

	private @Nullable String headerUnitError;

	/** Why the last power cell was refused. */
	private String powerError = "";

	private NvidiaSmiReader(String fileName, ReadingContext context, ZoneId zone, MeasurementSink sink) {
		this.fileName = fileName;
		this.context = context;
		this.clock = new LocalClock(zone);
		this.sink = sink;
	}

	/** Reads a file whose timestamps are in UTC; returns the number of data rows. */
	public static long read(String fileName, Reader reader, ReadingContext context, MeasurementSink sink) {
		return read(fileName, reader, context, ZoneOffset.UTC, sink);
	}

	/**
	 * Reads a file whose timestamps are local times in the given zone; returns the number
	 * of data rows.
	 */
	public static long read(String fileName, Reader reader, ReadingContext context, ZoneId zone, MeasurementSink sink) {
		NvidiaSmiReader smi = new NvidiaSmiReader(fileName, context, zone, sink);
		CsvLine line = new CsvLine();
		long row = 0;
		try (BufferedReader lines = new BufferedReader(reader, 1 << 16)) {
			String text = lines.readLine();
			if (text == null || text.isBlank()) {
				throw new InvalidFileException(fileName + ": the file is empty");
			}
			if (!line.split(text)) {
				throw new MalformedTableException("a quote is not closed in the header");
			}
			List<String> header = new ArrayList<>(line.count());
			for (int i = 0; i < line.count(); i++) {
				header.add(line.field(i));
			}
			smi.header(header);
			for (text = lines.readLine(); text != null; text = lines.readLine()) {
				if (!line.split(text)) {
					throw new MalformedTableException("a quote is not closed in row " + (row + 1));
				}
				if (line.blank()) {
					continue;
				}
				row++;
				smi.row(row, line);
			}
			return row;
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, row, ex);
		}
	}

	private void header(List<String> header) {
		if (!header.isEmpty() && FastNumbers.localMillis(header.get(0).strip(), 0,
				header.get(0).strip().length()) != FastNumbers.NOT_A_TIMESTAMP) {
			throw new InvalidFileException(this.fileName
					+ ": the first line is data, not a header (was nvidia-smi run with noheader?); run " + QUERY);
		}
		int average = -1;
		int instant = -1;
		String averageName = null;
		String instantName = null;
		for (int i = 0; i < header.size(); i++) {
			String cell = header.get(i).replace("\uFEFF", "").strip();
			String field = cell;
			String unit = null;
			int bracket = cell.indexOf(" [");
			if (bracket > 0 && cell.endsWith("]")) {
				field = cell.substring(0, bracket).strip();
				unit = cell.substring(bracket + 2, cell.length() - 1).strip();
			}
			switch (field.toLowerCase(Locale.ROOT)) {
				case "timestamp" -> {
					this.timestamp = first(this.timestamp, i);
					this.timestampName = cell;
				}
				case "index" -> this.index = first(this.index, i);
				case "uuid", "gpu_uuid" -> this.uuid = first(this.uuid, i);
				case "name", "gpu_name" -> this.name = first(this.name, i);
				case "power.draw" -> {
					if (this.power < 0) {
						this.power = i;
						this.powerName = cell;
						powerUnit(unit);
					}
				}
				case "power.draw.average" -> {
					average = first(average, i);
					averageName = cell;
				}
				case "power.draw.instant" -> {
					instant = first(instant, i);
					instantName = cell;
				}
				default -> {
					// other query fields are not needed
				}
			}
		}
		if (this.power < 0 && (average >= 0 || instant >= 0)) {
			this.power = (average >= 0) ? average : instant;
			this.powerName = (average >= 0) ? averageName : instantName;
			int bracket = this.powerName.indexOf(" [");
			powerUnit((bracket > 0 && this.powerName.endsWith("]"))
					? this.powerName.substring(bracket + 2, this.powerName.length() - 1).strip() : null);
		}
		List<String> missing = new ArrayList<>();
		if (this.timestamp < 0) {
			missing.add("timestamp");
		}
		if (this.power < 0) {
			missing.add("power.draw");
		}
		if (this.index < 0 && this.uuid < 0) {
			missing.add("index or uuid");
		}
		if (!missing.isEmpty()) {
			throw new InvalidFileException(this.fileName + ": not an nvidia-smi power log: the column"
					+ ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing)
					+ ((missing.size() > 1) ? " are" : " is") + " missing; run " + QUERY);
		}
	}

	private static int first(int known, int position) {
		return (known >= 0) ? known : position;
	}

	private void powerUnit(@Nullable String unit) {
		if (unit == null) {
			return;
		}
		double factor = NvidiaSmiCells.factor(unit, 0, unit.length());
		if (Double.isNaN(factor)) {
			this.headerUnitError = "the header's unit '" + unit + "' is not a power unit (W, mW or kW)";
		}
		else {
			this.headerFactor = factor;
		}
	}

	private void row(long row, CsvLine line) {
		String text = line.text();
		List<RowError> errors = null;
		long millis = FastNumbers.NOT_A_TIMESTAMP;
		int from = line.start(this.timestamp);
		int to = line.end(this.timestamp);
		if (from >= to) {
			errors = error(errors, row, this.timestampName, "is empty");
		}
		else {
			long local = FastNumbers.localMillis(text, from, to);
			if (local == FastNumbers.NOT_A_TIMESTAMP) {
				errors = error(errors, row, this.timestampName,
						"'" + text.substring(from, to) + "' is not an nvidia-smi timestamp (yyyy/MM/dd HH:mm:ss.SSS)");
			}
			else {
				millis = this.clock.toEpochMillis(local);
			}
		}
		double watts = watts(text, line.start(this.power), line.end(this.power));
		if (Double.isNaN(watts)) {
			errors = error(errors, row, this.powerName, this.powerError);
		}
		int series = -1;
		boolean noIndex = NvidiaSmiCells.blank(line, this.index);
		boolean noUuid = NvidiaSmiCells.blank(line, this.uuid);
		if (noIndex && noUuid) {
			errors = error(errors, row, (this.uuid >= 0) ? "uuid" : "index",
					"is empty: the GPU cannot be identified (neither index nor uuid)");
		}
		else if (errors == null) {
			series = series(line, noUuid);
		}
		if (errors != null) {
			this.sink.rejected(row, errors);
			return;
		}
		this.sink.power(row, series, millis, watts);
	}

	/** The power in watts, or NaN with the reason in {@link #powerError}. */
	private double watts(String cell, int from, int to) {
		if (from >= to) {
			this.powerError = "is empty";
			return Double.NaN;
		}
		if (cell.charAt(from) == '[') {
			this.powerError = "is " + cell.substring(from, to) + ": nvidia-smi did not read the GPU's power";
			return Double.NaN;
		}
		double factor = this.headerFactor;
		int numberEnd = to;
		int space = cell.lastIndexOf(' ', to - 1);
		if (space > from) {
			numberEnd = space;
			while (numberEnd > from && cell.charAt(numberEnd - 1) <= ' ') {
				numberEnd--;
			}
			factor = NvidiaSmiCells.factor(cell, space + 1, to);
			if (Double.isNaN(factor)) {
				this.powerError = "unit '" + cell.substring(space + 1, to) + "' is not a power unit (W, mW or kW)";
				return Double.NaN;
			}
		}
		else if (this.headerUnitError != null) {
			this.powerError = this.headerUnitError;
			return Double.NaN;
		}
		double value = FastNumbers.decimal(cell, from, numberEnd);
		if (Double.isNaN(value)) {
			this.powerError = "'" + cell.substring(from, to) + "' is not a number";
			return Double.NaN;
		}
		if (value < 0) {
			this.powerError = "is negative (" + cell.substring(from, to) + "); power is at least 0";
			return Double.NaN;
		}
		return value * factor;
	}

	/**
	 * The series of the row's GPU: the last GPU seen with the same key (uuid, or index
	 * without uuid) when its cells are the same, else looked up by its labels.
	 */
	private int series(CsvLine line, boolean noUuid) {
		int keyField = noUuid ? this.index : this.uuid;
		String text = line.text();
		int keyFrom = line.start(keyField);
		int keyTo = line.end(keyField);
		Gpu[] known = this.recent;
		int mask = known.length - 1;
		int slot = NvidiaSmiCells.hash(text, keyFrom, keyTo) & mask;
		for (Gpu gpu = known[slot]; gpu != null; gpu = known[slot]) {
			if (gpu.matches(line, this.index, this.uuid, this.name)) {
				return gpu.handle;
			}
			slot = (slot + 1) & mask;
		}
		String index = NvidiaSmiCells.label(line.field(this.index));
		String uuid = NvidiaSmiCells.label(line.field(this.uuid));
		String model = NvidiaSmiCells.label(line.field(this.name));
		String full = index + '\u0000' + uuid + '\u0000' + model;
		Integer handle = this.handles.get(full);
		if (handle == null) {
			Map<String, String> labels = new TreeMap<>();
			NvidiaSmiCells.put(labels, SeriesLabels.HOST, this.context.host());
			NvidiaSmiCells.put(labels, SeriesLabels.SITE, this.context.site());
			NvidiaSmiCells.put(labels, SeriesLabels.GPU, index);
			NvidiaSmiCells.put(labels, SeriesLabels.GPU_UUID, uuid);
			NvidiaSmiCells.put(labels, SeriesLabels.MODEL, model);
			handle = this.sink.series(Series.of(MeasuredSource.NVIDIA_SMI, METRIC, Quantity.ENERGY, labels));
			this.handles.put(full, handle);
		}
		if (++this.recentCount > known.length / 2) {
			java.util.Arrays.fill(known, null);
			this.recentCount = 1;
			slot = NvidiaSmiCells.hash(text, keyFrom, keyTo) & mask;
		}
		known[slot] = new Gpu(line.field(this.index), line.field(this.uuid), line.field(this.name), handle);
		return handle;
	}

	private static List<RowError> error(@Nullable List<RowError> errors, long row, String column, String message) {
		List<RowError> list = (errors != null) ? errors : new ArrayList<>(2);
		list.add(new RowError(row, column, message));
		return list;
	}

	/** The cells of a known GPU, without surrounding blanks. */
	private record Gpu(String index, String uuid, String name, int handle) {

		boolean matches(CsvLine line, int indexField, int uuidField, int nameField) {
			return same(line, uuidField, this.uuid) && same(line, indexField, this.index)
					&& same(line, nameField, this.name);
		}

		private static boolean same(CsvLine line, int field, String value) {
			int from = line.start(field);
			int to = line.end(field);
			int length = Math.max(0, to - from);
			return length == value.length() && line.text().regionMatches(from, value, 0, length);
		}

	}

}
