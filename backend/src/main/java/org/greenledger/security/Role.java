package org.greenledger.security;

/** GreenLedger's roles. */
public enum Role {

	/** Runs the installation: users, settings, everything else. */
	ADMIN,
	/** Owns the footprint: uploads data, calculates, prepares reports. */
	SUSTAINABILITY_OFFICER,
	/** Reads and exports everything, writes nothing. */
	AUDITOR,
	/** Suppliers, evaluations and the scoring API. */
	PROCUREMENT,
	/** A machine calling the scoring and ingestion APIs; no portal access. */
	API_CLIENT;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
