package org.greenledger.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.greenledger.audit.AuditEvent;
import org.greenledger.audit.AuditEvents;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores generated reports immutably (database triggers refuse updates and deletes) with
 * the SHA-256 of each rendering, and builds evidence packs: a ZIP of the renderings, a
 * manifest of hashes, the factor dataset versions, the source files and the audit events
 * of the period.
 */
@Component
class ReportStore {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final JdbcClient jdbc;

	private final AuditEvents audit;

	ReportStore(JdbcClient jdbc, AuditEvents audit) {
		this.audit = audit;
		this.jdbc = jdbc;
	}

	void save(StoredReport report, Map<String, byte[]> renderings) {
		this.jdbc.sql("""
				insert into report (id, type, period_id, period_start, period_end, org_unit, model_id, title, figures,
				                    provenance, previous_id, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")
			.params(report.id(), report.type().name(), report.periodId(), report.from(), report.to(), report.orgUnit(),
					report.modelId(), report.title(), JSON.writeValueAsString(report.figures()),
					JSON.writeValueAsString(report.provenance()), report.previousId(),
					Timestamp.from(report.createdAt()), report.createdBy())
			.update();
		renderings.forEach((format, content) -> this.jdbc.sql("""
				insert into report_content (report_id, format, sha256, bytes, content) values (?, ?, ?, ?, ?)""")
			.params(report.id(), format, Sha256.hex(content), (long) content.length, content)
			.update());
	}

	Optional<StoredReport> find(UUID id) {
		return this.jdbc.sql("select * from report where id = ?").param(id).query(this::report).optional();
	}

	/**
	 * The latest report of a type for a period version and org unit (null: none), if any.
	 */
	Optional<StoredReport> latestFor(UUID periodId, DisclosureType type, @Nullable String orgUnit) {
		return this.jdbc.sql("""
				select * from report where period_id = ? and type = ? and org_unit is not distinct from ?
				order by created_at desc limit 1""")
			.params(periodId, type.name(), orgUnit)
			.query(this::report)
			.optional();
	}

	/**
	 * The latest reports of the org units in the scope (of every unit when unrestricted).
	 */
	List<StoredReport> recent(int limit, OrgUnitScope scope) {
		if (scope.unrestricted()) {
			return this.jdbc.sql("select * from report order by created_at desc limit ?")
				.param(limit)
				.query(this::report)
				.list();
		}
		return this.jdbc.sql("select * from report where org_unit = any(?) order by created_at desc limit ?")
			.params(scope.codes(), limit)
			.query(this::report)
			.list();
	}

	Optional<byte[]> content(UUID id, String format) {
		return this.jdbc.sql("select content from report_content where report_id = ? and format = ?")
			.params(id, format)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * The evidence pack of a report: its renderings, {@code manifest.json} (the report,
	 * its provenance, and name, size and SHA-256 of every other file in the pack),
	 * {@code audit-events.json} (the audit log entries of the report's period, and the
	 * portal sign-ins and failed sign-ins from the period's start to the report) and
	 * {@code source-files.json}. Entries carry the report's creation time, so the same
	 * report always gives the same bytes.
	 */
	byte[] evidence(StoredReport report) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String format : List.of("pdf", "xlsx", "html", "csv")) {
			content(report.id(), format).ifPresent(bytes -> files.put("report." + format, bytes));
		}
		files.put("source-files.json",
				JSON.writeValueAsBytes(report.provenance().getOrDefault("sourceFiles", List.of())));
		files.put("factor-datasets.json",
				JSON.writeValueAsBytes(report.provenance().getOrDefault("factorDatasets", List.of())));
		files.put("audit-events.json", JSON.writeValueAsBytes(auditEvents(report)));
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("report", report.id().toString());
		manifest.put("type", report.type().name());
		manifest.put("title", report.title());
		manifest.put("period", report.from() + "/" + report.to());
		manifest.put("createdAt", report.createdAt().toString());
		manifest.put("createdBy", report.createdBy());
		manifest.put("provenance", report.provenance());
		List<Map<String, Object>> entries = new java.util.ArrayList<>();
		files.forEach(
				(name, bytes) -> entries.add(Map.of("name", name, "bytes", bytes.length, "sha256", Sha256.hex(bytes))));
		manifest.put("files", entries);
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			long time = report.createdAt().toEpochMilli();
			write(out, "manifest.json", JSON.writeValueAsBytes(manifest), time);
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				write(out, file.getKey(), file.getValue(), time);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not build the evidence pack: " + ex.getMessage(), ex);
		}
		return zip.toByteArray();
	}

	private List<Map<String, Object>> auditEvents(StoredReport report) {
		List<Map<String, Object>> events = new java.util.ArrayList<>();
		for (AuditEvent each : this.audit.trail(report.createdAt(),
				List.of("period:", "site:", "ingestion:", "workload:"), List.of("BILLING", "REPORT"),
				List.of("SIGNED_IN", "SIGN_IN_FAILED"),
				report.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("at", each.at().toString());
			event.put("actor", each.actor());
			event.put("action", each.action());
			event.put("subject", each.subject());
			event.put("details", each.details());
			events.add(event);
		}
		return events;
	}

	private static void write(ZipOutputStream out, String name, byte[] content, long time) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(time);
		out.putNextEntry(entry);
		out.write(content);
		out.closeEntry();
	}

	private StoredReport report(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Map<String, String> contents = new LinkedHashMap<>();
		this.jdbc.sql("select format, sha256 from report_content where report_id = ? order by format")
			.param(id)
			.query(r -> {
				contents.put(r.getString(1), r.getString(2));
			});
		return new StoredReport(id, DisclosureType.valueOf(rs.getString("type")), rs.getObject("period_id", UUID.class),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getString("org_unit"), rs.getObject("model_id", UUID.class), rs.getString("title"),
				JSON.readValue(rs.getString("figures"), new TypeReference<Map<String, Double>>() {
				}), JSON.readValue(rs.getString("provenance"), new TypeReference<Map<String, Object>>() {
				}), contents, rs.getObject("previous_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}

}
