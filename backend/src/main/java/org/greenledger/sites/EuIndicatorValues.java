package org.greenledger.sites;

import org.jspecify.annotations.Nullable;

/**
 * What a data centre's operator enters for one calendar year for the EU data-centre
 * report (Delegated Regulation (EU) 2024/1364, Annexes I and II), besides what the site's
 * meters measure. A value left empty is named as missing by the report.
 *
 * @param installedItPowerKw installed information technology power demand, kW
 * @param totalFloorAreaM2 data centre total floor area, m2
 * @param computerRoomFloorAreaM2 computer room floor area, m2
 * @param redundancyLevel redundancy level of power and cooling, for example {@code 2N} or
 * {@code N+1}
 * @param gridSupport the site's capability to support the grid (demand response, battery
 * or generator frequency response), or {@code none}
 * @param waterInputM3 total water input, m3, used only when no water-intake meter has
 * readings for the year
 * @param potableWaterM3 the potable part of the water input, m3
 * @param waterSources where the water comes from, for example {@code municipal potable;
 * rainwater}
 * @param wasteHeatReusedKwh waste heat reused outside the data centre, kWh
 * @param wasteHeatTemperatureC average temperature of the waste heat reused, degrees C
 * @param intakeSetpointC average set point of the IT equipment intake air, degrees C
 * @param renewableGooKwh renewable electricity covered by guarantees of origin, kWh
 * @param renewablePpaKwh renewable electricity from power purchase agreements, kWh
 * @param renewableOnsiteKwh renewable electricity generated on site, kWh
 * @param trafficInTb incoming data traffic, TB
 * @param trafficOutTb outgoing data traffic, TB
 * @param dataStoredTb data stored (storage capacity in use at year end), TB
 * @param dataProcessedTb data processed over the year, TB
 * @param evidence where the values come from (documents, meter or DCIM exports)
 */
public record EuIndicatorValues(@Nullable Double installedItPowerKw, @Nullable Double totalFloorAreaM2,
		@Nullable Double computerRoomFloorAreaM2, @Nullable String redundancyLevel, @Nullable String gridSupport,
		@Nullable Double waterInputM3, @Nullable Double potableWaterM3, @Nullable String waterSources,
		@Nullable Double wasteHeatReusedKwh, @Nullable Double wasteHeatTemperatureC, @Nullable Double intakeSetpointC,
		@Nullable Double renewableGooKwh, @Nullable Double renewablePpaKwh, @Nullable Double renewableOnsiteKwh,
		@Nullable Double trafficInTb, @Nullable Double trafficOutTb, @Nullable Double dataStoredTb,
		@Nullable Double dataProcessedTb, @Nullable String evidence) {

}
