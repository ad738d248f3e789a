package org.greenledger.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo organisation at start-up when {@code greenledger.demo.enabled} is set
 * ({@code GREENLEDGER_DEMO_DATA=true}) and it is not present yet.
 */
@Component
class DemoStartup {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoProperties properties;

	private final DemoData demo;

	DemoStartup(DemoProperties properties, DemoData demo) {
		this.properties = properties;
		this.demo = demo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEnabled() {
		if (!this.properties.enabled()) {
			return;
		}
		DemoStatus status = this.demo.status();
		if (status.present()) {
			log.info("Demo data is enabled and present already ({})", status.state());
			return;
		}
		log.info("Demo data is enabled: loading the demo organisation");
		this.demo.load("greenledger-demo");
	}

}
