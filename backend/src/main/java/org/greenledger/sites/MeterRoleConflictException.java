package org.greenledger.sites;

/**
 * Readings name a registered meter with another role than the one it is registered with.
 */
public class MeterRoleConflictException extends RuntimeException {

	public MeterRoleConflictException(String message) {
		super(message);
	}

}
