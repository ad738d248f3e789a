package org.greenledger.ledger;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Measured energy grouped by a series label (host, GPU, namespace, pod, container, job,
 * CodeCarbon project, experiment or run, site) or by source, over whole days.
 */
@Service
public class MeasuredEnergyQuery {

	/**
	 * What the query groups by: series labels (the keys the readers give them, see
	 * ingestion's {@code SeriesLabels}), and {@code source} and {@code metric}.
	 */
	public static final Set<String> GROUPS = Set.of("site", "meter", "host", "gpu_uuid", "model", "namespace", "pod",
			"container", "job", "project", "experiment", "run", "component", "source", "metric");

	private final JdbcClient jdbc;

	MeasuredEnergyQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One group's sums.
	 *
	 * @param value the label's value, or {@code (none)} for series without it
	 * @param energyKwh energy as measured
	 * @param lines hourly or interval lines
	 * @param samples source rows summed into them
	 */
	public record Group(String value, double energyKwh, double facilityKwh, double co2eLocationKg, double co2eMarketKg,
			double co2eEmbodiedKg, double waterOnSiteLitres, double waterOffSiteLitres, double acceleratorHours,
			long lines, long samples) {
	}

	/**
	 * Energy series (not water or fuel) with lines starting from {@code from} to
	 * {@code to} (both included), grouped.
	 */
	public List<Group> energy(LocalDate from, LocalDate to, String groupBy, @Nullable String source) {
		return energy(from, to, groupBy, source, java.util.Map.of());
	}

	/**
	 * As {@link #energy(LocalDate, LocalDate, String, String)}, of the series whose
	 * labels contain every one of {@code labels} (for example one site's series).
	 */
	public List<Group> energy(LocalDate from, LocalDate to, String groupBy, @Nullable String source,
			java.util.Map<String, String> labels) {
		if (!GROUPS.contains(groupBy)) {
			throw ApiProblemException.invalidFields(List
				.of(new ApiProblemException.FieldProblem("groupBy", "one of " + GROUPS.stream().sorted().toList())));
		}
		String group = switch (groupBy) {
			case "source" -> "s.source";
			case "metric" -> "s.metric";
			default -> "s.labels ->> ?";
		};
		String sql = """
				select coalesce(%s, '(none)') as value, sum(l.amount) as energy, sum(coalesce(l.facility_kwh, 0)) as facility,
				       sum(coalesce(l.co2e_location_kg, 0)) as location, sum(coalesce(l.co2e_market_kg, 0)) as market,
				       sum(coalesce(l.co2e_embodied_kg, 0)) as embodied, sum(coalesce(l.water_onsite_l, 0)) as onsite,
				       sum(coalesce(l.water_offsite_l, 0)) as offsite, sum(coalesce(l.accelerator_hours, 0)) as gpu_hours,
				       count(*) as lines, sum(l.samples) as samples
				from measured_line l join measured_series s on s.id = l.series_id
				where s.quantity = 'ENERGY' and l.period_start >= ? and l.period_start < ? and (?::text is null or s.source = ?)
				  and s.labels @> ?::jsonb
				group by 1 order by energy desc limit 1000"""
			.formatted(group);
		Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		var statement = this.jdbc.sql(sql);
		String match = LedgerJson.MAPPER.writeValueAsString(labels);
		statement = group.startsWith("s.labels") ? statement.params(groupBy, start, end, source, source, match)
				: statement.params(start, end, source, source, match);
		return statement
			.query((rs, row) -> new Group(rs.getString("value"), rs.getDouble("energy"), rs.getDouble("facility"),
					rs.getDouble("location"), rs.getDouble("market"), rs.getDouble("embodied"), rs.getDouble("onsite"),
					rs.getDouble("offsite"), rs.getDouble("gpu_hours"), rs.getLong("lines"), rs.getLong("samples")))
			.list();
	}

}
