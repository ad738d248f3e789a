package org.greenledger.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import org.greenledger.reports.Chart;

/**
 * Draws a {@link Chart} with JFreeChart as vector graphics into a PDF template.
 */
final class ChartDrawer {

	private static final Paint[] PALETTE = { new Color(0x1B, 0x6E, 0x4B), new Color(0x4E, 0x9F, 0xD6),
			new Color(0xE0, 0x9F, 0x3E), new Color(0x8E, 0x5E, 0xA2), new Color(0xC9, 0x4C, 0x4C),
			new Color(0x6C, 0xBF, 0x84), new Color(0x9A, 0xA5, 0xB1), new Color(0x2E, 0x4A, 0x7D) };

	private static final StandardChartTheme THEME = theme();

	static {
		// JFreeChart draws rotated text (upright month labels, the value axis label) as a
		// TextLayout by default, which PdfGraphics2D turns into glyph outlines: no text
		// a reader or a screen reader could extract. Drawn with drawString it stays text.
		TextUtils.setUseDrawRotatedStringWorkaround(false);
	}

	private ChartDrawer() {
	}

	/**
	 * Draws the chart.
	 * @param chart the chart
	 * @param canvas the page content to create the template in
	 * @param fonts the fonts of the rendering
	 * @param width the width in points
	 * @param height the height in points
	 * @return the vector drawing
	 */
	static PdfTemplate draw(Chart chart, PdfContentByte canvas, PdfFonts fonts, float width, float height) {
		ChartAxis axis = ChartAxis.fit(chart, width, height);
		JFreeChart jfree = create(chart, axis);
		PdfTemplate template = canvas.createTemplate(width, axis.height());
		Graphics2D graphics = template.createGraphics(width, axis.height(), fonts);
		try {
			jfree.draw(graphics, new Rectangle2D.Double(0, 0, width, axis.height()));
		}
		finally {
			graphics.dispose();
		}
		return template;
	}

	/**
	 * What the chart shows in words, for readers who cannot see it: its title, kind,
	 * categories, series and unit; the figures are in the table that follows it.
	 */
	static String alternativeText(Chart chart) {
		List<String> labels = chart.labels();
		String kind = switch (chart.kind()) {
			case BAR -> "Bar chart";
			case STACKED_BAR -> "Stacked bar chart";
			case LINE -> "Line chart";
			case PIE -> "Pie chart";
		};
		String span = labels.isEmpty() ? "no categories" : (labels.size() == 1) ? labels.get(0)
				: labels.size() + " categories from " + labels.get(0) + " to " + labels.get(labels.size() - 1);
		List<String> names = chart.series().stream().map(Chart.Series::name).toList();
		return kind + ": " + chart.title() + ", " + span + ", " + String.join(", ", names) + " in " + chart.unit()
				+ ". The figures are in the table that follows.";
	}

	static JFreeChart create(Chart chart, ChartAxis axis) {
		boolean legend = chart.series().size() > 1;
		JFreeChart jfree = switch (chart.kind()) {
			case BAR -> ChartFactory.createBarChart(chart.title(), null, chart.unit(), categories(chart, axis),
					axis.orientation(), legend, false, false);
			case STACKED_BAR -> ChartFactory.createStackedBarChart(chart.title(), null, chart.unit(),
					categories(chart, axis), axis.orientation(), legend, false, false);
			case LINE -> ChartFactory.createLineChart(chart.title(), null, chart.unit(), categories(chart, axis),
					axis.orientation(), legend, false, false);
			case PIE -> ChartFactory.createPieChart(chart.title(), pie(chart), true, false, false);
		};
		if (jfree.getPlot() instanceof CategoryPlot plot) {
			plot.setDomainAxis(axis.axis(null));
		}
		THEME.apply(jfree);
		jfree.setAntiAlias(false);
		jfree.setBackgroundPaint(Color.WHITE);
		if (jfree.getPlot() instanceof CategoryPlot plot) {
			plot.setBackgroundPaint(Color.WHITE);
			plot.setRangeGridlinePaint(new Color(0xD5, 0xDA, 0xDF));
			plot.setRangeGridlineStroke(new BasicStroke(0.5f));
			plot.setOutlineVisible(false);
			if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
				for (int i = 0; i < chart.series().size(); i++) {
					lines.setSeriesStroke(i, new BasicStroke(1.6f));
				}
			}
			if (plot.getRenderer() instanceof BarRenderer bars) {
				bars.setShadowVisible(false);
				bars.setItemMargin(0.05);
			}
		}
		else if (jfree.getPlot() instanceof PiePlot<?> plot) {
			plot.setBackgroundPaint(Color.WHITE);
			plot.setOutlineVisible(false);
			plot.setShadowPaint(null);
			List<String> categories = chart.labels();
			for (int i = 0; i < categories.size(); i++) {
				plot.setSectionPaint(categories.get(i), PALETTE[i % PALETTE.length]);
			}
		}
		return jfree;
	}

	private static DefaultCategoryDataset categories(Chart chart, ChartAxis axis) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (Chart.Series series : chart.series()) {
			for (int i = 0; i < axis.labels().size(); i++) {
				// NaN is a category without data: no bar (not a bar of zero)
				Double value = series.values().get(i);
				dataset.addValue(value.isNaN() ? null : value, series.name(), axis.labels().get(i));
			}
		}
		return dataset;
	}

	private static DefaultPieDataset<String> pie(Chart chart) {
		DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
		if (!chart.series().isEmpty()) {
			Chart.Series first = chart.series().get(0);
			for (int i = 0; i < chart.categories().size(); i++) {
				dataset.setValue(chart.labels().get(i), first.values().get(i));
			}
		}
		return dataset;
	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new StandardChartTheme("GreenLedger", false);
		theme.setExtraLargeFont(PdfFonts.awtFont(true, 11));
		theme.setLargeFont(PdfFonts.awtFont(true, 9));
		theme.setRegularFont(PdfFonts.awtFont(false, 8));
		theme.setSmallFont(PdfFonts.awtFont(false, 7));
		theme.setShadowVisible(false);
		theme.setBarPainter(new StandardBarPainter());
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setTitlePaint(PdfFonts.TEXT);
		theme.setAxisLabelPaint(PdfFonts.MUTED);
		theme.setTickLabelPaint(PdfFonts.TEXT);
		theme.setLegendItemPaint(PdfFonts.TEXT);
		theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE,
				DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
				DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
		return theme;
	}

}
