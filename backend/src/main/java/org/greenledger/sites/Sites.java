package org.greenledger.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.greenledger.core.measured.MeterRole;

/**
 * The site registry: sites, their meters and contractual instruments. Every change is
 * recorded in the audit log in the same transaction.
 */
@Service
public class Sites {

	private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private final JdbcClient jdbc;

	private final FactorLibrary library;

	private final AuditLog audit;

	private final Clock clock;

	private final PeriodLocks locks;

	Sites(JdbcClient jdbc, FactorLibrary library, AuditLog audit, Clock clock, PeriodLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.library = library;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Site> all() {
		return this.jdbc.sql("select * from site order by code").query(Sites::site).list();
	}

	public Optional<Site> byCode(String code) {
		return this.jdbc.sql("select * from site where lower(code) = lower(?)")
			.param(code)
			.query(Sites::site)
			.optional();
	}

	public Optional<Site> byId(UUID id) {
		return this.jdbc.sql("select * from site where id = ?").param(id).query(Sites::site).optional();
	}

	/** The sites of the org units in the scope (every site when unrestricted). */
	public List<Site> all(OrgUnitScope scope) {
		return scope.filter(all(), Site::orgUnit);
	}

	/** The site of the code, or 404 naming it. */
	public Site require(String code) {
		return require(code, OrgUnitScope.UNRESTRICTED);
	}

	/**
	 * The site of the code within the scope, or 404 naming it (also for another unit's
	 * site).
	 */
	public Site require(String code, OrgUnitScope scope) {
		return byCode(code).filter(site -> scope.includes(site.orgUnit()))
			.orElseThrow(() -> ApiProblemException.notFound("No site '" + code + "'."));
	}

	@Transactional
	public Site create(SiteInput input, String user) {
		List<FieldProblem> problems = new ArrayList<>();
		String code = text(input.code());
		if (code == null || !code.matches(CODE)) {
			problems.add(new FieldProblem("code",
					"1 to 64 letters, digits, '.', '_' or '-', starting with a letter" + " or digit"));
		}
		String name = text(input.name());
		if (name == null || name.length() > 200) {
			problems.add(new FieldProblem("name", "required, at most 200 characters"));
		}
		SiteKind kind = parseKind(input.kind(), problems);
		String zone = text(input.gridZone());
		String provider = lower(input.provider());
		String region = lower(input.cloudRegion());
		if (kind == SiteKind.CLOUD) {
			if (provider == null || region == null || this.library.region(provider, region).isEmpty()) {
				problems.add(new FieldProblem("cloudRegion", "a cloud site needs a provider and region known to the"
						+ " factor library, for example aws / eu-west-1"));
			}
		}
		else if (kind != null) {
			if (zone == null || !this.library.has(FactorKind.GRID_INTENSITY, zone)) {
				problems.add(new FieldProblem("gridZone", "an Electricity Maps zone id known to the factor library,"
						+ " for example FR, DE or US-CAL-CISO"));
			}
		}
		String country = text(input.country());
		if (country != null && !country.matches("[A-Za-z]{2}")) {
			problems.add(new FieldProblem("country", "an ISO 3166-1 alpha-2 code, for example FR"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (byCode(code).isPresent()) {
			throw ApiProblemException.conflict("A site with code '" + code + "' exists already.");
		}
		Site site = new Site(UUID.randomUUID(), code, name, kind, (kind == SiteKind.CLOUD) ? null : zone,
				(country != null) ? country.toUpperCase(Locale.ROOT) : null, (kind == SiteKind.CLOUD) ? provider : null,
				(kind == SiteKind.CLOUD) ? region : null, text(input.orgUnit()));
		this.jdbc.sql("""
				insert into site (id, code, name, kind, grid_zone, country, provider, cloud_region, org_unit,
				                  created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(site.id(), site.code(), site.name(), site.kind().name(), site.gridZone(), site.country(),
					site.provider(), site.cloudRegion(), site.orgUnit(), now(), user)
			.update();
		this.audit.record(user, "SITE_CREATED", "site:" + site.code(), details(site));
		return site;
	}

	public List<Meter> meters(UUID siteId) {
		return this.jdbc.sql("select * from meter where site_id = ? order by code")
			.param(siteId)
			.query(Sites::meter)
			.list();
	}

	@Transactional
	public Meter addMeter(String siteCode, MeterInput input, String user) {
		Site site = require(siteCode);
		List<FieldProblem> problems = new ArrayList<>();
		String code = text(input.code());
		if (code == null || code.length() > 200) {
			problems.add(new FieldProblem("code", "required, at most 200 characters"));
		}
		MeterRole role = (input.role() != null) ? MeterRole.parse(input.role()).orElse(null) : null;
		if (role == null) {
			problems.add(new FieldProblem("role", "one of " + List.of(MeterRole.values())));
		}
		Double temperature = input.temperatureC();
		if (temperature != null
				&& (role != MeterRole.WASTE_HEAT_REUSED || !(temperature >= -50 && temperature <= 200))) {
			problems.add(new FieldProblem("temperatureC",
					"the temperature of the heat a WASTE_HEAT_REUSED meter measures, -50 to 200 degrees C"
							+ " (other roles have none)"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (meter(site.id(), code).isPresent()) {
			throw ApiProblemException.conflict("Site " + site.code() + " has a meter '" + code + "' already.");
		}
		return insertMeter(site, code, role, (input.description() != null) ? input.description().strip() : "",
				temperature, user);
	}

	/**
	 * The meter a file names at a site: registered with the file's role on first sight.
	 * @throws MeterRoleConflictException when the meter is registered with another role
	 */
	@Transactional
	public Meter meterForReadings(Site site, String code, MeterRole role, String user) {
		Optional<Meter> existing = meter(site.id(), code);
		if (existing.isPresent()) {
			if (existing.get().role() != role) {
				throw new MeterRoleConflictException("meter '" + code + "' of site " + site.code()
						+ " is registered as " + existing.get().role() + ", not " + role);
			}
			return existing.get();
		}
		return insertMeter(site, code, role, "registered by its first readings", null, user);
	}

	private Optional<Meter> meter(UUID siteId, String code) {
		return this.jdbc.sql("select * from meter where site_id = ? and code = ?")
			.params(siteId, code)
			.query(Sites::meter)
			.optional();
	}

	private Meter insertMeter(Site site, String code, MeterRole role, String description, @Nullable Double temperatureC,
			String user) {
		Meter meter = new Meter(UUID.randomUUID(), site.id(), code, role, description, temperatureC);
		this.jdbc.sql("""
				insert into meter (id, site_id, code, role, description, temperature_c, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(meter.id(), site.id(), code, role.name(), description, temperatureC, now(), user)
			.update();
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("role", role.name());
		details.put("description", description);
		if (temperatureC != null) {
			details.put("temperatureC", temperatureC);
		}
		this.audit.record(user, "METER_REGISTERED", "site:" + site.code() + "/meter:" + code, details);
		return meter;
	}

	/** The site's instruments, current ones first, then superseded ones. */
	public List<Instrument> instruments(UUID siteId) {
		return this.jdbc.sql("""
				select * from site_instrument where site_id = ?
				order by superseded_by is not null, period_start, created_at""")
			.param(siteId)
			.query(Sites::instrument)
			.list();
	}

	@Transactional
	public Instrument addInstrument(String siteCode, InstrumentInput input, String user) {
		Site site = require(siteCode);
		List<FieldProblem> problems = new ArrayList<>();
		InstrumentKind kind = null;
		try {
			kind = (input.kind() != null) ? InstrumentKind.valueOf(input.kind().strip().toUpperCase(Locale.ROOT))
					: null;
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (kind == null) {
			problems.add(new FieldProblem("kind", "one of " + List.of(InstrumentKind.values())));
		}
		if (input.periodStart() == null || input.periodEnd() == null
				|| input.periodEnd().isBefore(input.periodStart())) {
			problems.add(new FieldProblem("periodEnd", "a period start and an end on or after it are required"));
		}
		if (kind != null && kind.coversAnAmount()
				&& (input.energyMwh() == null || !(input.energyMwh() > 0) || input.energyMwh().isInfinite())) {
			problems.add(new FieldProblem("energyMwh", kind + " covers an amount of energy: give it in MWh (> 0)"));
		}
		if (kind != null && !kind.coversAnAmount() && input.energyMwh() != null) {
			problems.add(new FieldProblem("energyMwh",
					kind + " applies to all energy no other instrument covers: leave the amount empty"));
		}
		if (input.kgCo2ePerKwh() == null || !(input.kgCo2ePerKwh() >= 0) || input.kgCo2ePerKwh() > 3) {
			problems.add(new FieldProblem("kgCo2ePerKwh",
					"the emission rate in kg CO2e/kWh, 0 to 3 (0 for" + " renewable certificates)"));
		}
		String evidence = text(input.evidence());
		if (evidence == null || evidence.length() > 1000) {
			problems.add(new FieldProblem("evidence",
					"required (certificate ids, contract or registry link), at" + " most 1,000 characters"));
		}
		Instrument superseded = null;
		if (input.supersedes() != null) {
			superseded = instruments(site.id()).stream()
				.filter(instrument -> instrument.id().equals(input.supersedes()))
				.findFirst()
				.orElse(null);
			if (superseded == null || superseded.supersededBy() != null) {
				problems.add(new FieldProblem("supersedes", "a current instrument of site " + site.code()));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		this.locks.requireUnlocked(input.periodStart(), input.periodEnd(),
				"Recording a " + kind + " instrument for site " + site.code());
		if (superseded != null) {
			// superseding takes the earlier instrument out of market-based Scope 2 for
			// its whole period: a removal the lock covers too
			this.locks.requireUnlocked(superseded.periodStart(), superseded.periodEnd(),
					"Superseding " + superseded.kind() + " instrument " + superseded.id() + " of site " + site.code()
							+ " (" + superseded.periodStart() + " to " + superseded.periodEnd() + ")");
		}
		Instant created = Instant.now(this.clock);
		Instrument instrument = new Instrument(UUID.randomUUID(), site.id(), kind, input.periodStart(),
				input.periodEnd(), input.energyMwh(), input.kgCo2ePerKwh(), evidence, null, created, user);
		this.jdbc.sql("""
				insert into site_instrument (id, site_id, kind, period_start, period_end, energy_mwh, kg_co2e_per_kwh,
				                             evidence, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(instrument.id(), site.id(), kind.name(), instrument.periodStart(), instrument.periodEnd(),
					instrument.energyMwh(), instrument.kgCo2ePerKwh(), evidence, Timestamp.from(created), user)
			.update();
		if (superseded != null) {
			this.jdbc.sql("update site_instrument set superseded_by = ? where id = ?")
				.params(instrument.id(), superseded.id())
				.update();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("id", instrument.id());
		details.put("kind", kind.name());
		details.put("period", instrument.periodStart() + "/" + instrument.periodEnd());
		details.put("energyMwh", instrument.energyMwh());
		details.put("kgCo2ePerKwh", instrument.kgCo2ePerKwh());
		details.put("evidence", evidence);
		details.put("supersedes", (superseded != null) ? superseded.id() : null);
		this.audit.record(user, "INSTRUMENT_RECORDED", "site:" + site.code(), details);
		return instrument;
	}

	private static Map<String, Object> details(Site site) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", site.name());
		details.put("kind", site.kind().name());
		details.put("gridZone", site.gridZone());
		details.put("country", site.country());
		details.put("provider", site.provider());
		details.put("cloudRegion", site.cloudRegion());
		details.put("orgUnit", site.orgUnit());
		return details;
	}

	private static @Nullable SiteKind parseKind(@Nullable String kind, List<FieldProblem> problems) {
		try {
			return SiteKind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("kind", "one of OWN, COLOCATED, CLOUD"));
			return null;
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable String lower(@Nullable String value) {
		String text = text(value);
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	static Site site(ResultSet rs, int row) throws SQLException {
		return new Site(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				SiteKind.valueOf(rs.getString("kind")), rs.getString("grid_zone"), rs.getString("country"),
				rs.getString("provider"), rs.getString("cloud_region"), rs.getString("org_unit"));
	}

	private static Meter meter(ResultSet rs, int row) throws SQLException {
		return new Meter(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getString("code"),
				MeterRole.valueOf(rs.getString("role")), rs.getString("description"),
				rs.getObject("temperature_c", Double.class));
	}

	private static Instrument instrument(ResultSet rs, int row) throws SQLException {
		return new Instrument(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
				InstrumentKind.valueOf(rs.getString("kind")), rs.getObject("period_start", java.time.LocalDate.class),
				rs.getObject("period_end", java.time.LocalDate.class), rs.getObject("energy_mwh", Double.class),
				rs.getDouble("kg_co2e_per_kwh"), rs.getString("evidence"), rs.getObject("superseded_by", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
