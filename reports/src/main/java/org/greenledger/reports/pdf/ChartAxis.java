package org.greenledger.reports.pdf;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.List;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

import org.greenledger.reports.Chart;

/**
 * How a chart's category labels fit its width, decided before it is drawn: months read
 * {@code "Oct 2018"}, or {@code "Oct 18"} when the long form does not fit side by side;
 * when neither fits they are turned upright, and when even upright labels would overlap
 * only every {@code step}-th is printed. Bars over many categories that are not months
 * (regions, providers) become horizontal bars, one line per category with its whole
 * label, and the chart grows to hold them. Labels are never cut short.
 *
 * @param orientation the bars' orientation
 * @param labels one label per category, as printed
 * @param upright whether the labels are turned upright (vertical charts only)
 * @param step every how many categories a label is printed (1: every one)
 * @param height the chart's height in points
 */
record ChartAxis(PlotOrientation orientation, List<String> labels, boolean upright, int step, float height) {

	/** Font size of the category labels (the theme's regular font). */
	static final float LABEL_SIZE = 8;

	/** Room the value axis and the plot's insets take from the width, in points. */
	private static final float VALUE_AXIS_WIDTH = 60;

	/** The share of a category's width a label may take. */
	private static final float LABEL_SHARE = 0.85f;

	/** The height of one category of a horizontal bar chart, in points. */
	private static final float BAR_LINE = 14;

	/** Title, value axis and legend of a horizontal bar chart, in points. */
	private static final float BAR_FRAME = 90;

	/** Categories above which bars that are not months are drawn horizontally. */
	private static final int MAX_VERTICAL_CATEGORIES = 12;

	private static final FontRenderContext MEASURE = new FontRenderContext(null, false, true);

	/**
	 * Decides how the labels of a chart fit.
	 * @param chart the chart
	 * @param width the chart's width in points
	 * @param height the chart's usual height in points
	 * @return the fit
	 */
	static ChartAxis fit(Chart chart, float width, float height) {
		List<String> labels = chart.labels();
		int count = Math.max(1, labels.size());
		Font font = PdfFonts.awtFont(false, LABEL_SIZE);
		float categoryWidth = (width - VALUE_AXIS_WIDTH) * LABEL_SHARE / count;
		boolean bars = chart.kind() == Chart.Kind.BAR || chart.kind() == Chart.Kind.STACKED_BAR;
		if (chart.kind() == Chart.Kind.PIE) {
			return new ChartAxis(PlotOrientation.VERTICAL, labels, false, 1, height);
		}
		if (bars && !chart.isMonthly()
				&& (labels.size() > MAX_VERTICAL_CATEGORIES || widest(labels, font) > categoryWidth)) {
			float needed = BAR_FRAME + BAR_LINE * labels.size();
			return new ChartAxis(PlotOrientation.HORIZONTAL, labels, false, 1, Math.max(height, needed));
		}
		if (widest(labels, font) <= categoryWidth) {
			return new ChartAxis(PlotOrientation.VERTICAL, labels, false, 1, height);
		}
		List<String> shortLabels = chart.shortLabels();
		if (widest(shortLabels, font) <= categoryWidth) {
			return new ChartAxis(PlotOrientation.VERTICAL, shortLabels, false, 1, height);
		}
		double lineHeight = font.getLineMetrics("Xg", MEASURE).getHeight();
		int step = (int) Math.max(1, Math.ceil(lineHeight / categoryWidth));
		return new ChartAxis(PlotOrientation.VERTICAL, labels, true, step, height);
	}

	/**
	 * The category axis that prints these labels whole.
	 * @param label the axis label, or {@code null}
	 * @return the axis
	 */
	CategoryAxis axis(String label) {
		WholeLabelAxis axis = new WholeLabelAxis(label, this.labels, this.step);
		if (this.upright) {
			axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
		}
		return axis;
	}

	private static double widest(List<String> labels, Font font) {
		double widest = 0;
		for (String label : labels) {
			widest = Math.max(widest, font.getStringBounds(label, MEASURE).getWidth());
		}
		return widest;
	}

	/**
	 * A category axis that prints each label whole (JFreeChart's own cuts a label that is
	 * wider than its category to {@code "20..."}) and only every {@code step}-th.
	 */
	private static final class WholeLabelAxis extends CategoryAxis {

		private static final long serialVersionUID = 1L;

		private final List<String> labels;

		private final int step;

		WholeLabelAxis(String label, List<String> labels, int step) {
			super(label);
			this.labels = List.copyOf(labels);
			this.step = step;
		}

		@Override
		protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
			int index = this.labels.indexOf(category.toString());
			String text = (index < 0 || index % this.step == 0) ? category.toString() : "";
			return TextUtils.createTextBlock(text, getTickLabelFont(category), getTickLabelPaint(category));
		}

	}

}
