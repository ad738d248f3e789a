package org.greenledger.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * GreenLedger's own settings.
 *
 * @param dataDir where GreenLedger keeps its files (embedded database, stored uploads,
 * logs)
 * @param maxUploadSize the largest request body the API and the upload forms accept
 * @param organisationName the reporting entity named on disclosure documents
 */
@ConfigurationProperties("greenledger")
public record GreenLedgerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("512MB") DataSize maxUploadSize,
		@DefaultValue("GreenLedger organisation") String organisationName) {

	/** The data directory as an absolute path. */
	public Path dataDirectory() {
		return this.dataDir.toAbsolutePath().normalize();
	}

}
