package org.greenledger.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages for users name no server setting; they say what the user can do. */
class SettingNamesTests {

	@Test
	void aBracketedSettingBecomesWhatTheUserCanDo() {
		assertThat(SettingNames
			.inUserWords("the header has more than 5000 fields (greenledger.ingestion.limits.max-columns)"))
			.isEqualTo("the header has more than 5000 fields (a limit set on this server: if the file is right,"
					+ " ask your administrator to raise it)");
	}

	@Test
	void theDatesOfADateWindowStayAndTheSettingsGo() {
		assertThat(SettingNames.inUserWords("outside the accepted dates (1970-01-01 to 2999-12-31,"
				+ " greenledger.ingestion.limits.earliest-date and latest-date)"))
			.isEqualTo("outside the accepted dates (1970-01-01 to 2999-12-31) (a limit set on this server: if the"
					+ " file is right, ask your administrator to raise it)");
	}

	@Test
	void aMessageWithoutSettingsIsUnchanged() {
		assertThat(SettingNames.inUserWords("is not a date or timestamp")).isEqualTo("is not a date or timestamp");
	}

}
