package org.greenledger;

/**
 * Entry point of the executable jar. Compiled for Java 17 so that an older runtime gets one
 * clear sentence instead of an {@code UnsupportedClassVersionError} stack trace.
 */
public final class GreenLedgerLauncher {

	static final int REQUIRED_JAVA = 21;

	private GreenLedgerLauncher() {
	}

	public static void main(String[] args) {
		String problem = runtimeProblem(Runtime.version().feature(), System.getProperty("java.home"));
		if (problem != null) {
			System.err.println(problem);
			System.exit(1);
		}
		GreenLedgerApplication.main(args);
	}

	/** Why this Java cannot run GreenLedger, or {@code null} when it can. */
	static String runtimeProblem(int feature, String javaHome) {
		if (feature >= REQUIRED_JAVA) {
			return null;
		}
		return "GreenLedger needs Java " + REQUIRED_JAVA + " or newer, but was started with Java " + feature + " ("
				+ javaHome + "). Run it with a JDK >= " + REQUIRED_JAVA
				+ ", for example: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 and $JAVA_HOME/bin/java -jar greenledger.jar";
	}

}
