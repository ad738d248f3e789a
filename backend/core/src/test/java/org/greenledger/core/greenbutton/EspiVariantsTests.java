package org.greenledger.core.greenbutton;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.greenledger.core.measured.RecordingSink;
import org.greenledger.core.measured.RecordingSink.Interval;
import org.greenledger.core.measured.ReadingContext;
import org.greenledger.core.measured.SeriesLabels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What real Green Button files do that the simple case does not: blocks and readings out
 * of time order, readings repeated across blocks, accumulation behaviours other than
 * deltaData, power samples, prefixed namespaces, ReadingTypes written inside the
 * MeterReading or not at all, a gas UsagePoint without units.
 */
class EspiVariantsTests {

	private static final ReadingContext SITE = new ReadingContext("FRA1", null, null);

	private static final long T0 = 1_740_787_200L;

	private static RecordingSink read(String xml) {
		RecordingSink sink = RecordingSink.forMeters();
		GreenButtonReader.read("test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), SITE, sink);
		return sink;
	}

	private static String reading(long start, long duration, String value) {
		return "<IntervalReading><timePeriod><duration>%d</duration><start>%d</start></timePeriod><value>%s</value></IntervalReading>"
			.formatted(duration, start, value);
	}

	private static String readingType(int accumulation, int uom, int kind) {
		return """
				<entry><link rel="self" href="/espi/1_1/resource/ReadingType/1"/>
				  <content><ReadingType xmlns="http://naesb.org/espi"><accumulationBehaviour>%d</accumulationBehaviour>
				    <commodity>1</commodity><flowDirection>1</flowDirection><kind>%d</kind>
				    <powerOfTenMultiplier>0</powerOfTenMultiplier><uom>%d</uom></ReadingType></content></entry>
				""".formatted(accumulation, kind, uom);
	}

	private static String block(int id, String readings) {
		return """
				<entry><link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7/MeterReading/2/IntervalBlock/%d"/>
				  <content><IntervalBlock xmlns="http://naesb.org/espi">%s</IntervalBlock></content></entry>
				"""
			.formatted(id, readings);
	}

	private static String feed(String... entries) {
		return """
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry><link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7"/>
				    <content><UsagePoint xmlns="http://naesb.org/espi"/></content></entry>
				  <entry><link rel="self" href="/espi/1_1/resource/Subscription/1/UsagePoint/7/MeterReading/2"/>
				    <link rel="related" href="/espi/1_1/resource/ReadingType/1"/>
				    <content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
				""" + String.join("", entries) + "</feed>";
	}

	@Test
	void blocksAndReadingsOutOfTimeOrderAreSortedPerSeries() {
		RecordingSink sink = read(feed(readingType(4, 72, 12),
				block(2, reading(T0 + 3600, 3600, "300") + reading(T0 + 7200, 3600, "400")),
				block(1, reading(T0 + 900, 900, "200") + reading(T0, 900, "100"))));

		assertThat(sink.errors).isEmpty();
		assertThat(sink.intervals).extracting(Interval::row).containsExactly(4L, 3L, 1L, 2L);
		assertThat(sink.intervals).extracting(Interval::startMillis)
			.containsExactly(T0 * 1000, (T0 + 900) * 1000, (T0 + 3600) * 1000, (T0 + 7200) * 1000);
	}

	@Test
	void aReadingRepeatedInALaterBlockIsCountedOnceAndTheRepeatExplained() {
		RecordingSink sink = read(feed(readingType(4, 72, 12), block(1, reading(T0, 3600, "100")),
				block(2, reading(T0, 3600, "100") + reading(T0 + 3600, 3600, "50"))));

		assertThat(sink.intervals).extracting(Interval::row).containsExactly(1L, 3L);
		assertThat(sink.rejectedRows).as("the repeat is not counted (a recording sink lists it)").containsExactly(2L);
		assertThat(sink.errors.get(0).message()).contains("repeats row 1 (same timePeriod and value)");
	}

	@Test
	void summationReadingsAreAmountsOfTheirPeriods() {
		RecordingSink sink = read(feed(readingType(9, 72, 12), block(1, reading(T0, 86400, "12000"))));

		assertThat(sink.intervals).singleElement().satisfies(interval -> {
			assertThat(interval.amount()).isCloseTo(12.0, within(1e-12));
			assertThat(interval.endMillis() - interval.startMillis()).isEqualTo(86_400_000L);
		});
	}

	@Test
	void bulkQuantityReadingsAreRegisterValuesWhoseDifferencesAreTheAmounts() {
		RecordingSink sink = read(feed(readingType(1, 72, 12), block(1, reading(T0 + 3600, 3600, "1500500")
				+ reading(T0, 3600, "1500000") + reading(T0 + 7200, 3600, "1501250"))));

		assertThat(sink.rejectedRows).as("the first reading starts the register").containsExactly(2L);
		assertThat(sink.errors.get(0).message()).contains("the first register reading").contains("1 (bulkQuantity)");
		assertThat(sink.intervals).extracting(Interval::amount).containsExactly(0.5, 0.75);
		assertThat(sink.intervals.get(0).startMillis()).as("from the end of the previous reading")
			.isEqualTo((T0 + 3600) * 1000);
		assertThat(sink.intervals.get(0).endMillis()).isEqualTo((T0 + 7200) * 1000);
	}

	@Test
	void cumulativeValuesThatGoDownAreReadAsIntervalAmountsWithANote() {
		RecordingSink sink = read(feed(readingType(2, 72, 12),
				block(1, reading(T0, 900, "210") + reading(T0 + 900, 900, "200") + reading(T0 + 1800, 900, "210"))));

		assertThat(sink.errors).isEmpty();
		assertThat(sink.intervals).extracting(Interval::amount).containsExactly(0.21, 0.2, 0.21);
		assertThat(sink.flags).singleElement()
			.asString()
			.startsWith("2 ReadingType/accumulationBehaviour:")
			.contains("2 (continuousCumulative)")
			.contains("they go down");
	}

	@Test
	void instantaneousPowerReadingsArePowerSamples() {
		RecordingSink sink = read(
				feed(readingType(12, 38, 37), block(1, reading(T0, 0, "1500") + reading(T0 + 60, 0, "1700"))));

		assertThat(sink.errors).isEmpty();
		assertThat(sink.power).hasSize(2);
		assertThat(sink.power.get(1)[1]).isEqualTo((T0 + 60) * 1000.0);
		assertThat(sink.power.get(1)[2]).isEqualTo(1700.0);
	}

	@Test
	void accumulationBehavioursThatAreNotAmountsAreRejectedWithTheirName() {
		RecordingSink delay = read(feed(readingType(10, 72, 12), block(1, reading(T0, 900, "1"))));
		RecordingSink instantEnergy = read(feed(readingType(12, 72, 12), block(1, reading(T0, 900, "1"))));

		assertThat(delay.errors).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("ReadingType/accumulationBehaviour");
			assertThat(error.message()).contains("10 (timeDelay)");
		});
		assertThat(instantEnergy.errors).singleElement()
			.satisfies(error -> assertThat(error.message()).contains("12 (instantaneous)")
				.contains("not an amount over an interval"));
	}

	@Test
	void prefixedNamespacesWithoutReadingTypeAreReadWithTheFlaggedDefault() {
		String xml = """
				<ns1:feed xmlns:ns0="http://naesb.org/espi" xmlns:ns1="http://www.w3.org/2005/Atom">
				  <ns1:entry>
				    <ns1:link href="https://api.example.com/espi/1_1/resource/Subscription/0/UsagePoint/1/MeterReading/Tags==/IntervalBlock" rel="up"/>
				    <ns1:link href="https://api.example.com/espi/1_1/resource/Subscription/0/UsagePoint/1/MeterReading/Tags==/IntervalBlock/1" rel="self"/>
				    <ns1:content><ns0:IntervalBlock>
				      <ns0:IntervalReading><ns0:timePeriod><ns0:duration>3600</ns0:duration><ns0:start>1430377200</ns0:start></ns0:timePeriod><ns0:value>86400</ns0:value></ns0:IntervalReading>
				    </ns0:IntervalBlock></ns1:content>
				  </ns1:entry>
				</ns1:feed>
				""";
		RecordingSink sink = read(xml);

		assertThat(sink.errors).isEmpty();
		assertThat(sink.intervals).singleElement().satisfies(interval -> {
			assertThat(interval.amount()).isCloseTo(86.4, within(1e-9));
			assertThat(interval.startMillis()).isEqualTo(Instant.parse("2015-04-30T07:00:00Z").toEpochMilli());
			assertThat(interval.series().label(SeriesLabels.METER)).isEqualTo("1/Tags==");
			assertThat(interval.series().label(SeriesLabels.UNIT)).isEqualTo(SeriesLabels.UNIT_ASSUMED);
		});
		assertThat(sink.flags).hasSize(1);
	}

	@Test
	void aReadingTypeWrittenInsideTheMeterReadingIsUsed() {
		String xml = """
				<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi">
				  <entry><link rel="self" href="/espi/1_1/resource/Subscription/s/UsagePoint/u"/>
				    <content><espi:UsagePoint/></content></entry>
				  <entry><link rel="self" href="/espi/1_1/resource/Subscription/s/UsagePoint/u/MeterReading/m"/>
				    <content><espi:MeterReading><espi:ReadingType><espi:accumulationBehaviour>4</espi:accumulationBehaviour>
				      <espi:commodity>1</espi:commodity><espi:flowDirection>1</espi:flowDirection>
				      <espi:powerOfTenMultiplier>-3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom></espi:ReadingType>
				    </espi:MeterReading></content></entry>
				  <entry><link rel="self" href="/espi/1_1/resource/Subscription/s/UsagePoint/u/MeterReading/m/IntervalBlock/1"/>
				    <content><espi:IntervalBlock><espi:IntervalReading><espi:timePeriod><espi:duration>3600</espi:duration>
				      <espi:start>1740787200</espi:start></espi:timePeriod><espi:value>2500000</espi:value></espi:IntervalReading>
				    </espi:IntervalBlock></content></entry>
				</feed>
				""";
		RecordingSink sink = read(xml);

		assertThat(sink.flags).isEmpty();
		assertThat(sink.intervals).singleElement()
			.satisfies(interval -> assertThat(interval.amount()).as("2,500,000 mWh").isCloseTo(2.5, within(1e-12)));
	}

	@Test
	void aGasUsagePointWithoutReadingTypeIsRejectedNotGivenADefault() {
		String xml = """
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry><link rel="self" href="/v1/User/1/UsagePoint/NET"/>
				    <content><UsagePoint xmlns="http://naesb.org/espi"><ServiceCategory><kind>1</kind></ServiceCategory></UsagePoint></content></entry>
				  <entry><link rel="self" href="/v1/User/1/UsagePoint/NET/MeterReading/1/IntervalBlock/1"/>
				    <content><IntervalBlock xmlns="http://naesb.org/espi">%s</IntervalBlock></content></entry>
				</feed>
				"""
			.formatted(reading(T0, 2592000, "140000"));
		RecordingSink sink = read(xml);

		assertThat(sink.intervals).isEmpty();
		assertThat(sink.errors).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("ReadingType/uom");
			assertThat(error.message()).contains("ServiceCategory kind is 1 (gas)");
		});
	}

}
