package org.greenledger.factors.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.FactorValue;

/** A factor as the API shows it, with its dataset, version and licence. */
@Schema(example = """
		{"kind": "GRID_INTENSITY", "key": "US-MIDA-PJM", "region": "US-MIDA-PJM", "value": 368.0,
		 "unit": "gCO2e/kWh", "validFrom": "2024-01-01", "validTo": "2024-12-31",
		 "source": "Electricity Maps yearly data 2024 as republished in npm @tgwf/co2 0.19.0",
		 "notes": null, "dataset": "electricitymaps-zone-yearly", "version": "0.19.0", "licence": "ODbL-1.0"}""")
record FactorView(String kind, String key, String region, double value, String unit, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, String source, @Nullable String notes, String dataset, String version,
		String licence) {

	static FactorView of(FactorValue value) {
		return new FactorView(value.kind().name(), value.key(), value.region(), value.value(), value.unit(),
				value.validFrom(), value.validTo(), value.source(), value.notes(), value.dataset().id(),
				value.dataset().version(), value.dataset().licence());
	}

}
