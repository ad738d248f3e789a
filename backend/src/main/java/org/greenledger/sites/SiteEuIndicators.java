package org.greenledger.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values an operator enters per site and calendar year for the EU data-centre report
 * (Delegated Regulation (EU) 2024/1364). Entering replaces the year's values as a whole;
 * the audit log keeps the values before and after. A year an approved reporting period
 * covers is locked.
 */
@Service
public class SiteEuIndicators {

	private static final String COLUMNS = """
			installed_it_power_kw, total_floor_area_m2, computer_room_floor_area_m2, redundancy_level,
			grid_support, water_input_m3, potable_water_m3, water_sources, waste_heat_reused_kwh,
			waste_heat_temperature_c, intake_setpoint_c, renewable_goo_kwh, renewable_ppa_kwh,
			renewable_onsite_kwh, traffic_in_tb, traffic_out_tb, data_stored_tb, data_processed_tb, evidence""";

	private final JdbcClient jdbc;

	private final Sites sites;

	private final PeriodLocks locks;

	private final AuditLog audit;

	private final Clock clock;

	SiteEuIndicators(JdbcClient jdbc, Sites sites, PeriodLocks locks, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.locks = locks;
		this.audit = audit;
		this.clock = clock;
	}

	/** The values entered for the site and year, if any. */
	public Optional<EuIndicators> find(Site site, int year) {
		return this.jdbc.sql("select * from site_eu_indicators where site_id = ? and year = ?")
			.params(site.id(), year)
			.query((rs, row) -> indicators(site, rs))
			.optional();
	}

	/**
	 * Enters the year's values of the site, replacing those entered before.
	 * @throws ApiProblemException 422 naming each invalid field, 409 when an approved
	 * reporting period covers the year
	 */
	@Transactional
	public EuIndicators put(String siteCode, int year, EuIndicatorValues input, String user) {
		Site site = this.sites.require(siteCode);
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 2000 || year > 2999) {
			problems.add(new FieldProblem("year", "a calendar year from 2000 to 2999"));
		}
		EuIndicatorValues values = new EuIndicatorValues(
				amount("installedItPowerKw", input.installedItPowerKw(), problems),
				amount("totalFloorAreaM2", input.totalFloorAreaM2(), problems),
				amount("computerRoomFloorAreaM2", input.computerRoomFloorAreaM2(), problems),
				text("redundancyLevel", input.redundancyLevel(), 100, problems),
				text("gridSupport", input.gridSupport(), 500, problems),
				amount("waterInputM3", input.waterInputM3(), problems),
				amount("potableWaterM3", input.potableWaterM3(), problems),
				text("waterSources", input.waterSources(), 500, problems),
				amount("wasteHeatReusedKwh", input.wasteHeatReusedKwh(), problems),
				temperature("wasteHeatTemperatureC", input.wasteHeatTemperatureC(), problems),
				temperature("intakeSetpointC", input.intakeSetpointC(), problems),
				amount("renewableGooKwh", input.renewableGooKwh(), problems),
				amount("renewablePpaKwh", input.renewablePpaKwh(), problems),
				amount("renewableOnsiteKwh", input.renewableOnsiteKwh(), problems),
				amount("trafficInTb", input.trafficInTb(), problems),
				amount("trafficOutTb", input.trafficOutTb(), problems),
				amount("dataStoredTb", input.dataStoredTb(), problems),
				amount("dataProcessedTb", input.dataProcessedTb(), problems),
				text("evidence", input.evidence(), 2000, problems));
		if (values.evidence() == null) {
			problems.add(new FieldProblem("evidence",
					"required: the documents or exports the values come from, at most 2,000 characters"));
		}
		if (values.potableWaterM3() != null && values.waterInputM3() != null
				&& values.potableWaterM3() > values.waterInputM3()) {
			problems.add(new FieldProblem("potableWaterM3", "the potable water cannot exceed the water input"));
		}
		if (values.computerRoomFloorAreaM2() != null && values.totalFloorAreaM2() != null
				&& values.computerRoomFloorAreaM2() > values.totalFloorAreaM2()) {
			problems.add(new FieldProblem("computerRoomFloorAreaM2",
					"the computer room cannot exceed the total floor area"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		this.locks.requireUnlocked(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
				"Entering the EU data-centre indicators of site " + site.code() + " for " + year);
		Optional<EuIndicators> before = find(site, year);
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("delete from site_eu_indicators where site_id = ? and year = ?").params(site.id(), year).update();
		this.jdbc.sql("insert into site_eu_indicators (site_id, year, " + COLUMNS
				+ ", updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(site.id(), year, values.installedItPowerKw(), values.totalFloorAreaM2(),
					values.computerRoomFloorAreaM2(), values.redundancyLevel(), values.gridSupport(),
					values.waterInputM3(), values.potableWaterM3(), values.waterSources(), values.wasteHeatReusedKwh(),
					values.wasteHeatTemperatureC(), values.intakeSetpointC(), values.renewableGooKwh(),
					values.renewablePpaKwh(), values.renewableOnsiteKwh(), values.trafficInTb(), values.trafficOutTb(),
					values.dataStoredTb(), values.dataProcessedTb(), values.evidence(), Timestamp.from(now), user)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("year", year);
		details.put("before", before.map(EuIndicators::values).orElse(null));
		details.put("after", values);
		this.audit.record(user, "SITE_EU_INDICATORS_ENTERED", "site:" + site.code(), details);
		return new EuIndicators(site.code(), year, values, now, user);
	}

	private static @Nullable Double amount(String field, @Nullable Double value, List<FieldProblem> problems) {
		if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
			problems.add(new FieldProblem(field, "a number, 0 or more, or empty when not known"));
			return null;
		}
		return value;
	}

	private static @Nullable Double temperature(String field, @Nullable Double value, List<FieldProblem> problems) {
		if (value != null && !(value >= -50 && value <= 200)) {
			problems.add(new FieldProblem(field, "degrees Celsius, -50 to 200, or empty when not known"));
			return null;
		}
		return value;
	}

	private static @Nullable String text(String field, @Nullable String value, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "at most " + max + " characters"));
			return null;
		}
		return value.strip();
	}

	private static EuIndicators indicators(Site site, ResultSet rs) throws SQLException {
		EuIndicatorValues values = new EuIndicatorValues(number(rs, "installed_it_power_kw"),
				number(rs, "total_floor_area_m2"), number(rs, "computer_room_floor_area_m2"),
				rs.getString("redundancy_level"), rs.getString("grid_support"), number(rs, "water_input_m3"),
				number(rs, "potable_water_m3"), rs.getString("water_sources"), number(rs, "waste_heat_reused_kwh"),
				number(rs, "waste_heat_temperature_c"), number(rs, "intake_setpoint_c"),
				number(rs, "renewable_goo_kwh"), number(rs, "renewable_ppa_kwh"), number(rs, "renewable_onsite_kwh"),
				number(rs, "traffic_in_tb"), number(rs, "traffic_out_tb"), number(rs, "data_stored_tb"),
				number(rs, "data_processed_tb"), rs.getString("evidence"));
		return new EuIndicators(site.code(), rs.getInt("year"), values, rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"));
	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		java.math.BigDecimal value = rs.getBigDecimal(column);
		return (value != null) ? value.doubleValue() : null;
	}

}
