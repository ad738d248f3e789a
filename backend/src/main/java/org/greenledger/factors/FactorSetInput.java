package org.greenledger.factors;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A factor set (or a new version of one) as submitted.
 *
 * @param name unique name (ignored when revising)
 * @param description what the set is for
 * @param note why this version was made (kept with the version)
 * @param values the set's values; a new version replaces the whole list
 */
@Schema(example = """
		{"name": "measured-pue-2024", "description": "Supplier disclosures and measured PUE",
		 "note": "AWS market-based factor from its 2024 disclosure",
		 "values": [{"kind": "MARKET_INTENSITY", "scope": "provider:aws", "value": 0, "unit": "gCO2e/kWh",
		             "validFrom": "2024-01-01", "validTo": "2024-12-31",
		             "source": "Supplier disclosure: 100 % renewable matching 2024"},
		            {"kind": "PUE", "scope": "region:aws:eu-west-1", "value": 1.11, "unit": "ratio",
		             "source": "AWS sustainability page, eu-west-1 2024"}]}""")
public record FactorSetInput(@Nullable String name, @Nullable String description, @Nullable String note,
		@Nullable List<Value> values) {

	/**
	 * One value.
	 *
	 * @param kind PUE, WUE, EWIF, GRID_INTENSITY or MARKET_INTENSITY
	 * @param scope organisation, provider:aws, region:aws:us-east-1, zone:US-MIDA-PJM or
	 * country:DE
	 * @param value the value
	 * @param unit the kind's unit (checked)
	 * @param validFrom first day (optional)
	 * @param validTo last day (optional)
	 * @param source where the value comes from
	 * @param notes remarks (optional)
	 */
	public record Value(@Nullable String kind, @Nullable String scope, @Nullable Double value, @Nullable String unit,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String source,
			@Nullable String notes) {
	}

}
