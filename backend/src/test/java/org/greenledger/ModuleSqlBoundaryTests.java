package org.greenledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's tables are private: only the module that owns a table names it in SQL; other
 * modules call its API (see docs/architecture.md). The check reads the string literals
 * (text blocks included, comments excluded) of every main Java source (greenledger-core
 * included) and every {@code .sql} file under the main resources except the Flyway
 * migrations, and reports each table of another module named in SQL position: after
 * {@code from}, {@code join}, {@code into}, {@code update}, {@code table}, {@code like},
 * {@code references}, {@code truncate}, {@code copy}, {@code partition of}, or at the
 * start of a COPY column list ({@code "measured_line (job_id, ..."}).
 * <p>
 * Which tables exist is read from the Flyway migrations ({@code create table}); who owns
 * each is the map {@link #OWNERS} below, kept by hand: a new table without an owner fails
 * {@link #everyTableOfTheMigrationsHasAnOwner()}, so that it is assigned when it is
 * added. Known exceptions, each with its reason, are in {@link #ALLOWED}; an exception
 * that no longer occurs fails {@link #everyAllowedExceptionStillOccurs()}, so that the
 * list only shrinks.
 * <p>
 * Limits: SQL built from fragments in variables is seen fragment by fragment; a table
 * named only after a comma in a {@code from} list, or handed to a helper as a bare name
 * ({@code OrgUnitHoldings.count(jdbc, "ingestion_job")}), is not seen (a bare name cannot
 * be told from a column of the same name, such as {@code org_unit}).
 */
class ModuleSqlBoundaryTests {

	private static final Path MAIN = Path.of("src/main/java/org/greenledger");

	/** greenledger-core (backend/core): plain Java, owns no table and names none. */
	private static final Path CORE = Path.of("core/src/main/java/org/greenledger/core");

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

	/**
	 * Table to the application module (direct sub-package of org.greenledger) owning it.
	 */
	static final Map<String, String> OWNERS = Map.ofEntries(entry("app_user", "security"),
			entry("user_role", "security"), entry("user_org_unit", "security"), entry("org_unit", "security"),
			entry("audit_event", "audit"), entry("factor_set", "factors"), entry("factor_set_version", "factors"),
			entry("factor_set_value", "factors"), entry("ingestion_job", "ingestion"),
			entry("ingestion_row_error", "ingestion"), entry("grid_intensity_hour", "ingestion"),
			entry("activity_line", "ledger"), entry("activity_line_default", "ledger"),
			entry("activity_dimension", "ledger"), entry("activity_tags", "ledger"),
			entry("calculation_lineage", "ledger"), entry("footprint_rollup_day", "ledger"),
			entry("footprint_rollup_month", "ledger"), entry("footprint_rollup_attribute_day", "ledger"),
			entry("footprint_rollup_attribute_month", "ledger"), entry("billing_replacement", "ledger"),
			entry("measured_line", "ledger"), entry("cpu_utilization_sample", "ledger"),
			entry("measured_series", "ledger"), entry("measured_rollup_month", "ledger"),
			entry("provider_carbon_line", "providercarbon"), entry("provider_carbon_replacement", "providercarbon"),
			entry("provider_figure_choice", "providercarbon"), entry("provider_water_line", "providercarbon"),
			entry("site", "sites"), entry("meter", "sites"), entry("site_instrument", "sites"),
			entry("workload", "workloads"), entry("workload_rule", "workloads"), entry("workload_output", "workloads"),
			entry("workload_training", "workloads"), entry("reporting_period", "periods"),
			entry("reporting_period_transition", "periods"), entry("report", "disclosure"),
			entry("report_content", "disclosure"), entry("supplier", "procurement"), entry("connector", "connectors"),
			entry("connector_run", "connectors"), entry("connector_object", "connectors"),
			entry("supplier_disclosure", "procurement"), entry("supplier_product_footprint", "procurement"),
			entry("procurement_evaluation", "procurement"), entry("scoring_methodology", "procurement"),
			entry("spring_session", "security"), entry("spring_session_attributes", "security"),
			entry("shedlock", "database"), entry("reduction_target", "reduction"),
			entry("reduction_target_version", "reduction"), entry("reduction_adoption", "reduction"),
			entry("site_eu_indicators", "sites"), entry("demo_holding", "demo"), entry("demo_state", "demo"),
			entry("long_task", "tasks"));

	/**
	 * Cross-module SQL that remains, as {@code module/File.java -> table}, with the
	 * reason. Each is a read-only join for display; the way out is named beside it.
	 */
	static final Map<String, String> ALLOWED = Map.of();

	private static final Pattern SQL_POSITION = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|like|references|truncate|copy|partition\\s+of)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b");

	private static final Pattern COPY_COLUMNS = Pattern.compile("^\\s*([a-z_][a-z0-9_]*)\\s*\\(");

	@Test
	void noModuleNamesAnotherModulesTablesInSql() throws IOException {
		List<String> violations = new ArrayList<>();
		Set<String> tables = migrationTables();
		try (Stream<Path> files = Stream.concat(Files.walk(MAIN), Files.walk(CORE))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String module = module(file);
				if (module == null) {
					continue;
				}
				for (String table : foreignTables(module, stringLiterals(read(file)), tables)) {
					String key = module + "/" + file.getFileName() + " -> " + table;
					if (!ALLOWED.containsKey(key)) {
						violations.add(key + " (owned by " + OWNERS.get(table) + ")");
					}
				}
			}
		}
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql"))
				.filter(path -> !path.startsWith(MIGRATIONS))
				.toList()) {
				violations
					.add(file + " names tables outside a module: " + foreignTables("", List.of(read(file)), tables));
			}
		}
		assertThat(violations).as("SQL naming another module's tables (use that module's API)").isEmpty();
	}

	@Test
	void everyTableOfTheMigrationsHasAnOwner() throws IOException {
		assertThat(OWNERS.keySet()).containsAll(migrationTables());
		assertThat(migrationTables()).containsAll(OWNERS.keySet());
	}

	@Test
	void everyAllowedExceptionStillOccurs() throws IOException {
		Set<String> tables = migrationTables();
		for (String allowed : ALLOWED.keySet()) {
			String file = allowed.substring(0, allowed.indexOf(" -> "));
			String table = allowed.substring(allowed.indexOf(" -> ") + 4);
			String module = file.substring(0, file.indexOf('/'));
			assertThat(foreignTables(module, stringLiterals(read(MAIN.resolve(file))), tables)).as(allowed)
				.contains(table);
		}
	}

	@Test
	void aSeededViolationIsFound() {
		String source = """
				class SiteMonths {
					// select * from workload_rule (a comment is not SQL)
					String mine = "select * from site s join meter m on m.site_id = s.id";
					String theirs = \"""
							select sum(r.amount) from measured_rollup_month r
							join measured_series s on s.id = r.series_id\""";
					String message = "the site's meter has no readings";
					String copy = "measured_line (job_id, series_id)";
					String escaped = "say \\"from ingestion_job\\"";
				}
				""";
		Set<String> tables = Set.copyOf(OWNERS.keySet());
		assertThat(foreignTables("sites", stringLiterals(source), tables)).containsExactly("ingestion_job",
				"measured_line", "measured_rollup_month", "measured_series");
		assertThat(foreignTables("ledger", stringLiterals(source), tables)).containsExactly("ingestion_job", "meter",
				"site");
	}

	/** The tables of other modules than {@code module} named in SQL position. */
	static Set<String> foreignTables(String module, List<String> literals, Set<String> tables) {
		Set<String> found = new TreeSet<>();
		for (String literal : literals) {
			Set<String> named = new TreeSet<>();
			Matcher matcher = SQL_POSITION.matcher(literal);
			while (matcher.find()) {
				named.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
			}
			Matcher copy = COPY_COLUMNS.matcher(literal);
			if (copy.find()) {
				named.add(copy.group(1));
			}
			named.stream()
				.filter(tables::contains)
				.filter(table -> !module.equals(OWNERS.get(table)))
				.forEach(found::add);
		}
		return found;
	}

	/** The contents of the string literals and text blocks of a Java source. */
	static List<String> stringLiterals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
				int end = source.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (c == '\'') {
				int end = i + 1;
				while (end < n && source.charAt(end) != '\'') {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				i = end + 1;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				while (end > 0 && source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				end = (end < 0) ? n : end;
				literals.add(source.substring(i + 3, end));
				i = end + 3;
			}
			else if (c == '"') {
				StringBuilder literal = new StringBuilder();
				int end = i + 1;
				while (end < n && source.charAt(end) != '"' && source.charAt(end) != '\n') {
					if (source.charAt(end) == '\\' && end + 1 < n) {
						literal.append(source.charAt(end + 1));
						end += 2;
					}
					else {
						literal.append(source.charAt(end++));
					}
				}
				literals.add(literal.toString());
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static Set<String> migrationTables() throws IOException {
		Set<String> tables = new TreeSet<>();
		Pattern create = Pattern
			.compile("(?i)create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
				Matcher matcher = create.matcher(read(file));
				while (matcher.find()) {
					tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		return tables;
	}

	/** The module of a main source: the first package below org.greenledger. */
	private static String module(Path file) {
		if (file.startsWith(CORE)) {
			return "core";
		}
		Path relative = MAIN.relativize(file);
		return (relative.getNameCount() > 1) ? relative.getName(0).toString() : null;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
