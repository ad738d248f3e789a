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
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Image;
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

	private ChartDrawer() {
	}

	/**
	 * Draws the chart.
	 * @param chart the chart
	 * @param canvas the page content to create the template in
	 * @param fonts the fonts of the rendering
	 * @param width the width in points
	 * @param height the height in points
	 * @return an image element holding the vector drawing
	 */
	static Image draw(Chart chart, PdfContentByte canvas, PdfFonts fonts, float width, float height) {
		JFreeChart jfree = create(chart);
		PdfTemplate template = canvas.createTemplate(width, height);
		Graphics2D graphics = template.createGraphics(width, height, fonts);
		try {
			jfree.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			graphics.dispose();
		}
		try {
			Image image = Image.getInstance(template);
			image.setAlt(chart.title());
			return image;
		}
		catch (BadElementException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JFreeChart create(Chart chart) {
		JFreeChart jfree = switch (chart.kind()) {
			case BAR -> ChartFactory.createBarChart(chart.title(), null, chart.unit(), categories(chart),
					PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
			case STACKED_BAR -> ChartFactory.createStackedBarChart(chart.title(), null, chart.unit(), categories(chart),
					PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
			case LINE -> ChartFactory.createLineChart(chart.title(), null, chart.unit(), categories(chart),
					PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
			case PIE -> ChartFactory.createPieChart(chart.title(), pie(chart), true, false, false);
		};
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
			List<String> categories = chart.categories();
			for (int i = 0; i < categories.size(); i++) {
				plot.setSectionPaint(categories.get(i), PALETTE[i % PALETTE.length]);
			}
		}
		return jfree;
	}

	private static DefaultCategoryDataset categories(Chart chart) {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (Chart.Series series : chart.series()) {
			for (int i = 0; i < chart.categories().size(); i++) {
				// NaN is a category without data: no bar (not a bar of zero)
				Double value = series.values().get(i);
				dataset.addValue(value.isNaN() ? null : value, series.name(), chart.categories().get(i));
			}
		}
		return dataset;
	}

	private static DefaultPieDataset<String> pie(Chart chart) {
		DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
		if (!chart.series().isEmpty()) {
			Chart.Series first = chart.series().get(0);
			for (int i = 0; i < chart.categories().size(); i++) {
				dataset.setValue(chart.categories().get(i), first.values().get(i));
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
