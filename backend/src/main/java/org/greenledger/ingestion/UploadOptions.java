package org.greenledger.ingestion;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.formats.SourceFormats;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.MeterRole;
import org.greenledger.ledger.Overlap;

/**
 * What an upload says besides the file.
 *
 * @param format the format the user named (checked against the content), or null to
 * detect it
 * @param orgUnit the organisation unit the file belongs to
 * @param overlap how earlier data of the same account and month (billing) or series and
 * time (measured data) is treated
 * @param site the site code measured data belongs to (Green Button; GPU telemetry)
 * @param host the host of an nvidia-smi file
 * @param meterRole the role of Green Button meters
 * @param timeZone the zone of local timestamps (nvidia-smi, CodeCarbon, meter CSV without
 * offsets); UTC when not given
 * @param keep jobs whose billing rows a REPLACE leaves in place: the other parts of the
 * same delivery of a multi-part export (set by connectors, never by a user's upload)
 */
public record UploadOptions(@Nullable String format, @Nullable String orgUnit, Overlap overlap, @Nullable String site,
		@Nullable String host, @Nullable MeterRole meterRole, @Nullable ZoneId timeZone, List<UUID> keep) {

	public UploadOptions {
		keep = List.copyOf(keep);
	}

	public UploadOptions(@Nullable String format, @Nullable String orgUnit, Overlap overlap, @Nullable String site,
			@Nullable String host, @Nullable MeterRole meterRole, @Nullable ZoneId timeZone) {
		this(format, orgUnit, overlap, site, host, meterRole, timeZone, List.of());
	}

	public static UploadOptions of(@Nullable String format, @Nullable String orgUnit, Overlap overlap) {
		return new UploadOptions(format, orgUnit, overlap, null, null, null, null);
	}

	/**
	 * The same options for another org unit (the one resolved for the uploading user).
	 */
	public UploadOptions withOrgUnit(@Nullable String unit) {
		return new UploadOptions(this.format, unit, this.overlap, this.site, this.host, this.meterRole, this.timeZone,
				this.keep);
	}

	/** The same options, leaving the billing rows of these jobs in place on REPLACE. */
	public UploadOptions keeping(Collection<UUID> jobs) {
		return new UploadOptions(this.format, this.orgUnit, this.overlap, this.site, this.host, this.meterRole,
				this.timeZone, List.copyOf(jobs));
	}

	/**
	 * The options of an upload's form fields ({@code format}, {@code orgUnit},
	 * {@code overlap}, {@code site}, {@code host}, {@code meterRole}, {@code timeZone}).
	 * @throws org.greenledger.system.ApiProblemException (422) naming each invalid field
	 */
	public static UploadOptions parse(java.util.function.Function<String, @Nullable String> fields) {
		java.util.List<org.greenledger.system.ApiProblemException.FieldProblem> problems = new java.util.ArrayList<>();
		String format = text(fields.apply("format"));
		if (format != null && SourceFormats.parse(format).isEmpty()) {
			problems.add(new org.greenledger.system.ApiProblemException.FieldProblem("format",
					"'" + format + "' is not a supported format; supported: " + String.join(", ", SourceFormats.names())
							+ " (or leave it out to have the format detected)"));
		}
		String overlapText = text(fields.apply("overlap"));
		Overlap overlap = Overlap.REPLACE;
		if (overlapText != null) {
			overlap = java.util.Arrays.stream(Overlap.values())
				.filter(value -> value.name().equalsIgnoreCase(overlapText))
				.findFirst()
				.orElse(null);
			if (overlap == null) {
				problems.add(new org.greenledger.system.ApiProblemException.FieldProblem("overlap",
						"'" + overlapText + "' is not REPLACE or APPEND"));
			}
		}
		String roleText = text(fields.apply("meterRole"));
		MeterRole role = (roleText != null) ? MeterRole.parse(roleText).orElse(null) : null;
		if (roleText != null && role == null) {
			problems.add(new org.greenledger.system.ApiProblemException.FieldProblem("meterRole",
					"one of " + java.util.List.of(MeterRole.values())));
		}
		String zoneText = text(fields.apply("timeZone"));
		ZoneId zone = null;
		if (zoneText != null) {
			try {
				zone = ZoneId.of(zoneText);
			}
			catch (java.time.DateTimeException ex) {
				problems.add(new org.greenledger.system.ApiProblemException.FieldProblem("timeZone",
						"'" + zoneText + "' is not a time zone id such as UTC, Europe/Paris or +01:00"));
			}
		}
		if (!problems.isEmpty()) {
			throw org.greenledger.system.ApiProblemException.invalidFields(problems);
		}
		return new UploadOptions(format, text(fields.apply("orgUnit")), overlap, text(fields.apply("site")),
				text(fields.apply("host")), role, zone);
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	ReadingContext reading() {
		return new ReadingContext(this.site, this.host, this.meterRole);
	}

	ZoneId zone() {
		return (this.timeZone != null) ? this.timeZone : java.time.ZoneOffset.UTC;
	}

}
