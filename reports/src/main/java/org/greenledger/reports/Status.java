package org.greenledger.reports;

/**
 * The status of a document, shown in its title block and page footers.
 */
public enum Status {

	/** Work in progress, not for disclosure. */
	DRAFT("Draft"),

	/** Awaiting review or approval. */
	IN_REVIEW("In review"),

	/** Approved for disclosure. */
	APPROVED("Approved"),

	/** Replaced by a later version. */
	SUPERSEDED("Superseded");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	/**
	 * The label to print.
	 * @return the label, for example {@code "Draft"}
	 */
	public String label() {
		return this.label;
	}

}
