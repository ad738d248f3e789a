package org.greenledger.core.billing;

import java.util.HashMap;
import java.util.Map;

import org.greenledger.core.catalog.InstanceHours;

/**
 * Instance types resolved once per provider and name for one file's mapper (one thread):
 * rows repeat the same few types, read as the same instances, so those found lately are
 * tried first by identity.
 */
final class InstanceResolutions {

	private final InstanceHours instances;

	private final int limit;

	private final Map<String, Map<String, InstanceHours.Resolution>> resolutions = new HashMap<>();

	private int count;

	private final RecentPairs<InstanceHours.Resolution> recent = new RecentPairs<>();

	/**
	 * @param limit how many resolutions are kept before they are forgotten
	 */
	InstanceResolutions(InstanceHours instances, int limit) {
		this.instances = instances;
		this.limit = limit;
	}

	InstanceHours.Resolution of(String provider, String name) {
		InstanceHours.Resolution known = this.recent.get(name, provider);
		if (known == null) {
			known = byValue(provider, name);
			this.recent.put(name, provider, known);
		}
		return known;
	}

	private InstanceHours.Resolution byValue(String provider, String name) {
		Map<String, InstanceHours.Resolution> names = this.resolutions.computeIfAbsent(provider, p -> new HashMap<>());
		InstanceHours.Resolution known = names.get(name);
		if (known == null) {
			known = this.instances.resolve(provider, name);
			if (++this.count > this.limit) {
				this.resolutions.clear();
				this.count = 1;
				names = this.resolutions.computeIfAbsent(provider, p -> new HashMap<>());
			}
			names.put(name, known);
		}
		return known;
	}

}
