package org.greenledger.core.nvidiasmi;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * Turns local times (milliseconds since the epoch as if local time were UTC) into
 * instants in a zone. The offset is looked up once per local hour; local times in a
 * daylight-saving gap are moved forward by the gap, and in the hour that occurs twice the
 * earlier offset is used (as {@link ZonedDateTime#ofLocal} does).
 */
final class LocalClock {

	private static final long HOUR = 3_600_000L;

	private final ZoneId zone;

	private final ZoneRules rules;

	private final boolean fixed;

	private final long fixedOffsetMillis;

	private long cachedHour = Long.MIN_VALUE;

	private long cachedOffsetMillis;

	LocalClock(ZoneId zone) {
		this.zone = zone;
		this.rules = zone.getRules();
		this.fixed = this.rules.isFixedOffset();
		this.fixedOffsetMillis = this.fixed ? this.rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1000L
				: 0;
	}

	/** The instant (epoch milliseconds) of a local time. */
	long toEpochMillis(long localMillis) {
		if (this.fixed) {
			return localMillis - this.fixedOffsetMillis;
		}
		long hour = Math.floorDiv(localMillis, HOUR);
		if (hour == this.cachedHour) {
			return localMillis - this.cachedOffsetMillis;
		}
		long start = offsetMillis(hour * HOUR);
		long end = offsetMillis(hour * HOUR + HOUR - 1);
		if (start == end && this.rules.getValidOffsets(local(hour * HOUR)).size() == 1
				&& this.rules.getValidOffsets(local(hour * HOUR + HOUR - 1)).size() == 1) {
			this.cachedHour = hour;
			this.cachedOffsetMillis = start;
			return localMillis - start;
		}
		return ZonedDateTime.ofLocal(local(localMillis), this.zone, null).toInstant().toEpochMilli();
	}

	private long offsetMillis(long localMillis) {
		return ZonedDateTime.ofLocal(local(localMillis), this.zone, null).getOffset().getTotalSeconds() * 1000L;
	}

	private static LocalDateTime local(long localMillis) {
		return LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000),
				(int) Math.floorMod(localMillis, 1000) * 1_000_000, ZoneOffset.UTC);
	}

}
