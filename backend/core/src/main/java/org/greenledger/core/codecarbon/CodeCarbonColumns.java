package org.greenledger.core.codecarbon;

import java.util.List;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The columns of a CodeCarbon {@code emissions.csv} header, looked up by name (the order
 * differs between versions and is not relied on).
 */
record CodeCarbonColumns(int count, Column timestamp, Column projectName, Column runId, Column experimentId,
		Column duration, Column emissions, Column emissionsRate, Column cpuPower, Column gpuPower, Column ramPower,
		Column cpuEnergy, Column gpuEnergy, Column ramEnergy, Column energyConsumed, Column waterConsumed,
		Column countryName, Column countryIsoCode, Column region, Column cloudProvider, Column cloudRegion, Column os,
		Column pythonVersion, Column codecarbonVersion, Column cpuCount, Column cpuModel, Column gpuCount,
		Column gpuModel, Column longitude, Column latitude, Column ramTotalSize, Column trackingMode, Column onCloud,
		Column pue, Column wue, Column cpuUtilization, Column gpuUtilization, Column ramUtilization, Column ramUsedGb) {

	/** The columns every version writes (1.x has no run_id, no energy components). */
	static final List<String> MANDATORY = List.of("timestamp", "project_name", "duration", "emissions",
			"energy_consumed");

	static CodeCarbonColumns of(String fileName, List<String> header) {
		Columns columns = Columns.of(header);
		List<String> missing = columns.missing(MANDATORY.stream().map(List::of).toList());
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not a CodeCarbon emissions.csv: "
					+ Columns.describeMissing(missing) + " (found: " + String.join(", ", header) + ")");
		}
		return new CodeCarbonColumns(header.size(), columns.find("timestamp"), columns.find("project_name"),
				columns.find("run_id"), columns.find("experiment_id"), columns.find("duration"),
				columns.find("emissions"), columns.find("emissions_rate"), columns.find("cpu_power"),
				columns.find("gpu_power"), columns.find("ram_power"), columns.find("cpu_energy"),
				columns.find("gpu_energy"), columns.find("ram_energy"), columns.find("energy_consumed"),
				columns.find("water_consumed"), columns.find("country_name"), columns.find("country_iso_code"),
				columns.find("region"), columns.find("cloud_provider"), columns.find("cloud_region"),
				columns.find("os"), columns.find("python_version"), columns.find("codecarbon_version"),
				columns.find("cpu_count"), columns.find("cpu_model"), columns.find("gpu_count"),
				columns.find("gpu_model"), columns.find("longitude"), columns.find("latitude"),
				columns.find("ram_total_size"), columns.find("tracking_mode"), columns.find("on_cloud"),
				columns.find("pue"), columns.find("wue"), columns.find("cpu_utilization_percent"),
				columns.find("gpu_utilization_percent"), columns.find("ram_utilization_percent"),
				columns.find("ram_used_gb"));
	}

	/**
	 * Whether the file reports the three components, so that {@code energy_consumed} can
	 * be recomputed.
	 */
	boolean hasComponents() {
		return this.cpuEnergy.present() && this.gpuEnergy.present() && this.ramEnergy.present();
	}

}
