package org.greenledger.reduction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

import org.greenledger.reduction.TargetScope;
import org.greenledger.reduction.Trajectory;

/**
 * A target's trajectory as a server-rendered SVG line chart (it needs no script): the
 * target path, the actual total and the actual figure of each scope the target covers,
 * one point per year.
 *
 * @param series the lines, the target path first
 * @param years the x-axis labels
 * @param ticks the y-axis labels
 */
public record TrajectoryChart(int width, int height, List<Line> series, List<Label> years, List<Label> ticks) {

	static final int WIDTH = 640;

	static final int HEIGHT = 260;

	static final int LEFT = 70;

	static final int RIGHT = 20;

	static final int TOP = 15;

	static final int BOTTOM = 35;

	/**
	 * One line.
	 *
	 * @param key the CSS class suffix ({@code path}, {@code actual}, {@code scope-1},
	 * ...)
	 * @param name its legend text
	 * @param points SVG polyline points ({@code x,y x,y})
	 * @param dots the points, for markers
	 */
	public record Line(String key, String name, String color, String points, List<Point> dots) {

		/**
		 * The line's markers as SVG, each with its value as a tooltip (built here: a
		 * {@code title} inside an iterated {@code svg} element lost the iteration
		 * variable in Thymeleaf's HTML mode).
		 */
		public String markers() {
			StringBuilder svg = new StringBuilder();
			for (Point dot : this.dots) {
				svg.append("<circle r=\"3\" cx=\"")
					.append(coordinate(dot.x()))
					.append("\" cy=\"")
					.append(coordinate(dot.y()))
					.append("\" fill=\"")
					.append(this.color)
					.append("\"><title>")
					.append(HtmlUtils.htmlEscape(dot.title()))
					.append("</title></circle>");
			}
			return svg.toString();
		}

	}

	public record Point(double x, double y, String title) {
	}

	/** Line colours: target path, actual, then each scope. */
	static final List<String> PALETTE = List.of("#57606a", "#1a7f37", "#0969da", "#bf8700", "#8250df");

	public record Label(double x, double y, String text) {
	}

	/**
	 * @param unitKg kilograms per displayed unit (1000 for tonnes)
	 * @param unit the displayed unit
	 */
	static TrajectoryChart of(Trajectory trajectory, String pathName, String actualName, double unitKg, String unit) {
		List<Trajectory.Year> years = trajectory.years();
		double max = 0;
		for (Trajectory.Year year : years) {
			max = Math.max(max, year.targetKgCo2e());
			if (year.actualKgCo2e() != null) {
				max = Math.max(max, year.actualKgCo2e());
			}
		}
		double top = (max > 0) ? max * 1.1 : 1;
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		int count = years.size();
		Function<Integer, Double> x = (i) -> LEFT + ((count > 1) ? plotWidth * i / (count - 1) : plotWidth / 2);
		Function<Double, Double> y = (kg) -> TOP + plotHeight * (1 - kg / top);
		List<Line> lines = new ArrayList<>();
		lines.add(line(0, "path", pathName, years, Trajectory.Year::targetKgCo2e, x, y, unitKg, unit));
		lines.add(line(1, "actual", actualName, years, Trajectory.Year::actualKgCo2e, x, y, unitKg, unit));
		for (TargetScope scope : trajectory.target().scopes()) {
			if (trajectory.target().scopes().size() > 1) {
				lines.add(line(lines.size(), "scope-" + scope.name().substring(6), scope.name().replace('_', ' '),
						years, year -> year.actualByScope().get(scope.name()), x, y, unitKg, unit));
			}
		}
		List<Label> labels = new ArrayList<>();
		int step = Math.max(1, (count + 9) / 10);
		for (int i = 0; i < count; i += step) {
			labels.add(new Label(x.apply(i), HEIGHT - BOTTOM + 18, String.valueOf(years.get(i).year())));
		}
		List<Label> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double kg = top * i / 4;
			ticks.add(new Label(LEFT - 6, y.apply(kg) + 4, format(kg / unitKg) + " " + unit));
		}
		return new TrajectoryChart(WIDTH, HEIGHT, lines, labels, ticks);
	}

	private static Line line(int index, String key, String name, List<Trajectory.Year> years,
			Function<Trajectory.Year, @Nullable Double> value, Function<Integer, Double> x, Function<Double, Double> y,
			double unitKg, String unit) {
		String color = PALETTE.get(Math.min(index, PALETTE.size() - 1));
		StringBuilder points = new StringBuilder();
		List<Point> dots = new ArrayList<>();
		for (int i = 0; i < years.size(); i++) {
			Double kg = value.apply(years.get(i));
			if (kg == null) {
				continue;
			}
			double px = x.apply(i);
			double py = y.apply(kg);
			points.append(points.isEmpty() ? "" : " ").append(coordinate(px)).append(',').append(coordinate(py));
			dots.add(new Point(px, py, name + " " + years.get(i).year() + ": " + format(kg / unitKg) + " " + unit));
		}
		return new Line(key, name, color, points.toString(), dots);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%,.0f" : "%,.2f", value);
	}

	/** The bottom of the plot (the x axis). */
	public int axisY() {
		return this.height - BOTTOM;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return this.width - RIGHT;
	}

}
