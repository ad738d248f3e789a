package org.greenledger.core.footprint;

import org.jspecify.annotations.Nullable;

/**
 * Embodied emissions of accelerator work (methodology section 4): each accelerator-hour
 * carries its accelerator's share and, when the server is known, its share of the host
 * server:
 * {@code hours x TE_acc / (life x U) + (hours / accelerators per server) x TE_server / (life x U)}.
 *
 * @param accelerator the accelerator's embodied emissions and life
 * @param server the host server's (without its accelerators), or {@code null} to count
 * the accelerator alone
 * @param acceleratorsPerServer how many accelerators share one server
 */
public record AcceleratorEmbodied(EmbodiedHardware accelerator, @Nullable EmbodiedHardware server,
		int acceleratorsPerServer) {

	public AcceleratorEmbodied {
		if (acceleratorsPerServer < 1) {
			throw new IllegalArgumentException(
					"Accelerators per server must be at least 1, but was " + acceleratorsPerServer);
		}
	}

	public static AcceleratorEmbodied acceleratorOnly(EmbodiedHardware accelerator) {
		return new AcceleratorEmbodied(accelerator, null, 1);
	}

	public CarbonMass forAcceleratorHours(TimeSpan acceleratorHours) {
		CarbonMass own = this.accelerator.amortize(acceleratorHours, 1.0);
		if (this.server == null) {
			return own;
		}
		return own.plus(this.server.amortize(acceleratorHours.times(1.0 / this.acceleratorsPerServer), 1.0));
	}

}
