package org.greenledger.system;

import java.util.regex.Pattern;

/**
 * Messages a user reads never name a server setting: a limit's property name in brackets
 * (" (greenledger.ingestion.limits.max-columns)") is replaced by what the user can do
 * about it. The log keeps the original message for the administrator.
 */
public final class SettingNames {

	/** A setting named alone in brackets: " (greenledger.x.y)". */
	private static final Pattern BRACKETED = Pattern
		.compile("\\s*\\((?:greenledger|spring)\\.[A-Za-z0-9.\\-]+(?:\\s+and\\s+[A-Za-z0-9.\\-]+)?\\)");

	/**
	 * A setting named after other words in brackets: " (1970-01-01 to 2199-12-31,
	 * greenledger.x)".
	 */
	private static final Pattern APPENDED = Pattern
		.compile(",\\s*(?:greenledger|spring)\\.[A-Za-z0-9.\\-]+(?:\\s+and\\s+[A-Za-z0-9.\\-]+)?\\)");

	/** What replaces the setting's name. */
	static final String ASK = " (a limit set on this server: if the file is right, ask your administrator to raise it)";

	private SettingNames() {
	}

	/** The message with each bracketed setting name replaced by what the user can do. */
	public static String inUserWords(String message) {
		if (!message.contains("greenledger.") && !message.contains("spring.")) {
			return message;
		}
		String named = APPENDED.matcher(message).replaceAll(")" + ASK);
		return BRACKETED.matcher(named).replaceAll(ASK);
	}

}
