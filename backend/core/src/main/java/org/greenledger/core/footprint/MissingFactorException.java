package org.greenledger.core.footprint;

/** No factor of a kind is known for a key (an unknown model, region or zone). */
public class MissingFactorException extends RuntimeException {

	private final String kind;

	private final String key;

	public MissingFactorException(String kind, String key, String detail) {
		super(detail);
		this.kind = kind;
		this.key = key;
	}

	public String kind() {
		return this.kind;
	}

	public String key() {
		return this.key;
	}

}
