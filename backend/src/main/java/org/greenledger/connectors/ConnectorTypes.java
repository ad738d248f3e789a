package org.greenledger.connectors;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The connector types this installation has (one {@link SourceType} bean each). */
@Component
public class ConnectorTypes {

	private final List<SourceType> types;

	ConnectorTypes(List<SourceType> types) {
		this.types = types.stream().sorted(Comparator.comparing(SourceType::type)).toList();
	}

	public List<SourceType> all() {
		return this.types;
	}

	public Optional<SourceType> of(ConnectorType type) {
		return this.types.stream().filter(each -> each.type() == type).findFirst();
	}

	/** The type named by a request, if this installation has it. */
	public Optional<SourceType> named(String name) {
		return this.types.stream().filter(each -> each.type().name().equalsIgnoreCase(name.strip())).findFirst();
	}

	List<String> names() {
		return this.types.stream().map(each -> each.type().name()).toList();
	}

}
