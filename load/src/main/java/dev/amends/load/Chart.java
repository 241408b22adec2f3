package dev.amends.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG: latency (ms) over the seconds of the run, one line per series. Small enough
 * to write by hand, and readable in any browser or on GitHub without a plotting library.
 */
final class Chart {

    record Series(String name, String colour, double[] values) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;
    private static final int RIGHT = 160;

    static String svg(String title, List<Series> series) {
        int points = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        double top = series.stream().flatMapToDouble(s -> Arrays.stream(s.values()))
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        double yMax = niceCeiling(top);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n", LEFT, title));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f ms</text>%n",
                    LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, yMax * i / 4));
        }
        for (int second = 0; second < points; second += Math.max(1, points / 10)) {
            double x = LEFT + plotWidth * second / Math.max(1, points - 1);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n",
                    x, HEIGHT - BOTTOM + 16, second));
        }
        int legend = 0;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isNaN(s.values()[i])) {
                    continue;
                }
                double x = LEFT + plotWidth * i / Math.max(1, points - 1);
                double y = TOP + plotHeight - plotHeight * Math.min(s.values()[i], yMax) / yMax;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                    path, s.colour()));
            double ly = TOP + 14 + legend++ * 18;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>%n", LEFT + plotWidth + 12, ly,
                    LEFT + plotWidth + 30, ly, s.colour(), LEFT + plotWidth + 36, ly + 4, s.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least the value: axis ticks people can read. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
