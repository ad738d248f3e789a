package org.greenledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * GreenLedger: sustainability reporting and green procurement for AI and cloud compute.
 * Each direct sub-package is an application module (verified by Spring Modulith).
 */
@SpringBootApplication
@Modulithic(sharedModules = "system")
public class GreenLedgerApplication {

	public static void main(String[] args) {
		SpringApplication.run(GreenLedgerApplication.class, args);
	}

}
