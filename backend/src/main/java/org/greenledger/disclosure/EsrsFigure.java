package org.greenledger.disclosure;

/** The ESRS figures GreenLedger reports for AI and cloud compute, in their unit. */
enum EsrsFigure {

	ENERGY_TOTAL(Topic.ENERGY, "total energy consumption", "MWh"),
	ENERGY_FOSSIL(Topic.ENERGY, "from fossil sources", "MWh"),
	ENERGY_NUCLEAR(Topic.ENERGY, "from nuclear sources", "MWh"),
	ENERGY_RENEWABLE(Topic.ENERGY, "from renewable sources", "MWh"),
	ENERGY_RENEWABLE_PURCHASED(Topic.ENERGY, "renewable: purchased or acquired electricity", "MWh"),
	ENERGY_RENEWABLE_SELF_GENERATED(Topic.ENERGY, "renewable: self-generated non-fuel", "MWh"),
	SCOPE1(Topic.GHG, "gross Scope 1", "t CO2e"), SCOPE2_LOCATION(Topic.GHG, "gross location-based Scope 2", "t CO2e"),
	SCOPE2_MARKET(Topic.GHG, "gross market-based Scope 2", "t CO2e"), SCOPE3(Topic.GHG, "gross Scope 3", "t CO2e"),
	SCOPE3_CATEGORY_1(Topic.GHG, "Scope 3 category 1, location-based", "t CO2e"),
	SCOPE3_CATEGORY_2(Topic.GHG, "Scope 3 category 2", "t CO2e"),
	TOTAL_LOCATION(Topic.GHG, "total location-based", "t CO2e"),
	TOTAL_MARKET(Topic.GHG, "total market-based", "t CO2e"),
	INTENSITY_LOCATION(Topic.GHG, "GHG intensity, location-based", "t CO2e per million of net revenue"),
	INTENSITY_MARKET(Topic.GHG, "GHG intensity, market-based", "t CO2e per million of net revenue"),
	WATER_CONSUMPTION(Topic.WATER, "water consumption", "m3");

	enum Topic {

		ENERGY, GHG, WATER

	}

	private final Topic topic;

	private final String label;

	private final String unit;

	EsrsFigure(Topic topic, String label, String unit) {
		this.topic = topic;
		this.label = label;
		this.unit = unit;
	}

	Topic topic() {
		return this.topic;
	}

	String label() {
		return this.label;
	}

	String unit() {
		return this.unit;
	}

}
