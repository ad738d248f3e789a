package org.greenledger.demo;

import java.util.Optional;

import org.greenledger.system.DataMarkings;

import org.springframework.stereotype.Component;

/** While demo data is present, every document says so on every page. */
@Component
class DemoMarking implements DataMarkings {

	static final String TEXT = "Demo data: generated demo organisation, invented figures";

	private final DemoStore store;

	DemoMarking(DemoStore store) {
		this.store = store;
	}

	@Override
	public Optional<String> marking() {
		return this.store.status().present() ? Optional.of(TEXT) : Optional.empty();
	}

}
