package org.greenledger.core.formats;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.awscur.AwsCurFormat;
import org.greenledger.core.azure.AzureFormat;
import org.greenledger.core.cloudwatch.CloudWatchFormat;
import org.greenledger.core.codecarbon.CodeCarbonFormat;
import org.greenledger.core.focus.FocusFormat;
import org.greenledger.core.gcp.GcpFormat;
import org.greenledger.core.greenbutton.GreenButtonFormat;
import org.greenledger.core.gridintensity.GridIntensityFormat;
import org.greenledger.core.metercsv.MeterCsvFormat;
import org.greenledger.core.nvidiasmi.NvidiaSmiFormat;
import org.greenledger.core.prometheus.PrometheusFormat;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.FormatName;
import org.greenledger.core.source.SourceFormat;
import org.greenledger.core.table.InvalidFileException;

/**
 * Every input format GreenLedger reads, registered here and nowhere else: the names a
 * user may give on upload (in this order in the API's messages), and the order in which
 * formats are asked whether a file is theirs. Formats that recognise a file from its
 * first line (the measured ones) never match a Parquet or JSON file; billing formats
 * recognise a table's header, Google Cloud's JSON lines also from the opening brace.
 */
public final class SourceFormats {

	private static final List<SourceFormat<?>> ALL = List.of(new FocusFormat(), new AwsCurFormat(), new GcpFormat(),
			new AzureFormat(), new CodeCarbonFormat(), new NvidiaSmiFormat(), new PrometheusFormat(),
			new MeterCsvFormat(), new GreenButtonFormat(), new GridIntensityFormat(), new CloudWatchFormat());

	private SourceFormats() {
	}

	/** Every format, in the registry's order. */
	public static List<SourceFormat<?>> all() {
		return ALL;
	}

	/** The names the API accepts (editions included), for messages and documentation. */
	public static List<String> names() {
		return names(format -> true);
	}

	/** The names of the formats of one kind. */
	public static List<String> names(FormatKind<?> kind) {
		return names(format -> format.kind() == kind);
	}

	private static List<String> names(Predicate<SourceFormat<?>> among) {
		return ALL.stream().filter(among).flatMap(format -> format.names().stream()).map(FormatName::name).toList();
	}

	/**
	 * The format a user named, leniently (case, spaces, dots, hyphens and underscores do
	 * not matter; a FOCUS version may follow); empty when the name is unknown.
	 */
	public static Optional<NamedFormat> parse(@Nullable String requested) {
		return parse(requested, format -> true);
	}

	/** The format of one kind a user named; empty when it names none of that kind. */
	public static Optional<NamedFormat> parse(@Nullable String requested, Predicate<SourceFormat<?>> among) {
		if (requested == null) {
			return Optional.empty();
		}
		for (SourceFormat<?> format : ALL) {
			if (among.test(format)) {
				for (FormatName name : format.names()) {
					if (name.isSpelled(requested)) {
						return Optional.of(new NamedFormat(format, name));
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The first format (of those asked) that recognises the file, with its edition. */
	public static Optional<NamedFormat> recognise(FileStart start, Predicate<SourceFormat<?>> among) {
		for (SourceFormat<?> format : ALL) {
			if (among.test(format)) {
				Optional<String> name = format.recognise(start);
				if (name.isPresent()) {
					return Optional.of(new NamedFormat(format, named(format, name.get())));
				}
			}
		}
		return Optional.empty();
	}

	/** Whether a format is of one kind. */
	public static Predicate<SourceFormat<?>> ofKind(FormatKind<?> kind) {
		return format -> format.kind() == kind;
	}

	/** Whether a format holds measured data (meters, telemetry, grid intensity). */
	public static Predicate<SourceFormat<?>> measured() {
		return format -> format.kind() != FormatKind.BILLING;
	}

	/**
	 * The measured-data format of a file from its first bytes, checked against the format
	 * the upload named; null for a file of no measured format (billing exports, whose
	 * reading checks the named format itself).
	 * @throws InvalidFileException when the file is not the measured format named, or is
	 * one though a billing format was named
	 */
	public static @Nullable NamedFormat measured(String fileName, @Nullable String requested, FileStart start) {
		NamedFormat detected = recognise(start, measured()).orElse(null);
		NamedFormat wanted = parse(requested, measured()).orElse(null);
		boolean mismatch = (wanted != null) ? detected == null || !wanted.admits(detected)
				: requested != null && detected != null;
		if (mismatch) {
			throw new InvalidFileException(fileName + ": " + ((wanted != null) ? wanted.name().name() : requested)
					+ " was requested, but the file is "
					+ ((detected != null) ? detected.description() : "not " + wanted.description())
					+ "; send it without a format to have it detected");
		}
		return detected;
	}

	private static FormatName named(SourceFormat<?> format, String name) {
		return format.names()
			.stream()
			.filter(each -> each.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					format.name() + " recognised an edition it does not name: " + name));
	}

}
