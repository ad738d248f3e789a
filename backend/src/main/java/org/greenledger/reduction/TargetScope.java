package org.greenledger.reduction;

/** The GHG scopes a target covers. */
public enum TargetScope {

	/** Fuel burnt at own sites. */
	SCOPE_1,

	/** Electricity bought for own and colocated sites. */
	SCOPE_2,

	/** Cloud and AI services (category 1), with their amortized embodied emissions. */
	SCOPE_3

}
