package org.greenledger.calculator;

/** The usage kinds the calculator accepts, with the unit of their quantity. */
enum UsageType {

	INSTANCE_HOURS("instance-hours"), ACCELERATOR_HOURS("accelerator-hours"), VCPU_HOURS("vCPU-hours"),
	MEMORY_GB_HOURS("GB-hours"), STORAGE_TB_HOURS("TB-hours"), NETWORK_GB("GB"), ENERGY_KWH("kWh (IT energy)");

	private final String unit;

	UsageType(String unit) {
		this.unit = unit;
	}

	String unit() {
		return this.unit;
	}

}
