package org.flowfield.ui.chart;

/**
 * A chart's fixed parts: kind, titles, optional fixed axis ranges (null: fitted to the data),
 * height in pixels and the name its downloads (PNG, SVG, CSV) get.
 */
public record ChartLayout(
        ChartKind kind,
        String title,
        String xTitle,
        String yTitle,
        Double xMin,
        Double xMax,
        Double yMin,
        Double yMax,
        int height,
        String fileName) {

    private static final int DEFAULT_HEIGHT = 360;

    public static ChartLayout line(String title, String xTitle, String yTitle) {
        return new ChartLayout(ChartKind.LINE, title, xTitle, yTitle, null, null, null, null, DEFAULT_HEIGHT, fileNameOf(title));
    }

    public static ChartLayout scatter(String title, String xTitle, String yTitle) {
        return new ChartLayout(ChartKind.SCATTER, title, xTitle, yTitle, null, null, null, null, DEFAULT_HEIGHT, fileNameOf(title));
    }

    /** The same layout with fixed axis ranges, so that frames and updates do not rescale the axes. */
    public ChartLayout withRange(double xMin, double xMax, double yMin, double yMax) {
        return new ChartLayout(kind, title, xTitle, yTitle, xMin, xMax, yMin, yMax, height, fileName);
    }

    public ChartLayout withHeight(int pixels) {
        return new ChartLayout(kind, title, xTitle, yTitle, xMin, xMax, yMin, yMax, pixels, fileName);
    }

    public ChartLayout withFileName(String name) {
        return new ChartLayout(kind, title, xTitle, yTitle, xMin, xMax, yMin, yMax, height, fileNameOf(name));
    }

    /** Download names keep letters, digits and dashes only. */
    static String fileNameOf(String text) {
        String name = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return name.isEmpty() ? "chart" : name;
    }
}
