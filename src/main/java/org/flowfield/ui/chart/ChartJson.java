package org.flowfield.ui.chart;

import java.util.List;
import java.util.Locale;

/**
 * Writes charts as the JSON the browser element reads. Numbers are written with 6 significant
 * digits (charts need no more, and 1,000-point scatters stay small); non-finite values become
 * null, which the chart draws as a gap.
 */
final class ChartJson {

    private ChartJson() {}

    static String layout(ChartLayout layout) {
        StringBuilder json = new StringBuilder("{");
        field(json, "kind", layout.kind().apexName()).append(',');
        field(json, "title", layout.title()).append(',');
        field(json, "xTitle", layout.xTitle()).append(',');
        field(json, "yTitle", layout.yTitle()).append(',');
        optional(json, "xMin", layout.xMin());
        optional(json, "xMax", layout.xMax());
        optional(json, "yMin", layout.yMin());
        optional(json, "yMax", layout.yMax());
        json.append("\"height\":").append(layout.height()).append(',');
        field(json, "fileName", layout.fileName());
        return json.append('}').toString();
    }

    static String series(List<ChartSeries> series) {
        StringBuilder json = new StringBuilder();
        appendSeries(json, series);
        return json.toString();
    }

    static String frames(List<ChartFrame> frames) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('{');
            field(json, "label", frames.get(i).label()).append(",\"series\":");
            appendSeries(json, frames.get(i).series());
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static void appendSeries(StringBuilder json, List<ChartSeries> series) {
        json.append('[');
        for (int s = 0; s < series.size(); s++) {
            ChartSeries one = series.get(s);
            if (s > 0) {
                json.append(',');
            }
            json.append('{');
            field(json, "name", one.name()).append(',');
            field(json, "type", one.kind().apexName()).append(',');
            field(json, "color", one.colour()).append(',');
            if (!Double.isNaN(one.markerSize())) {
                json.append("\"size\":");
                number(json, one.markerSize()).append(',');
            }
            if (one.squareMarkers()) {
                json.append("\"shape\":\"square\",");
            }
            if (one.backdrop()) {
                json.append("\"backdrop\":true,");
            }
            json.append("\"data\":[");
            double[] xy = one.xy();
            for (int i = 0; i < xy.length; i += 2) {
                if (i > 0) {
                    json.append(',');
                }
                json.append('[');
                number(json, xy[i]).append(',');
                number(json, xy[i + 1]).append(']');
            }
            json.append("]}");
        }
        json.append(']');
    }

    private static void optional(StringBuilder json, String name, Double value) {
        if (value != null && Double.isFinite(value)) {
            json.append('"').append(name).append("\":");
            number(json, value).append(',');
        }
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        return string(json, value);
    }

    static StringBuilder number(StringBuilder json, double value) {
        if (!Double.isFinite(value)) {
            return json.append("null");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return json.append((long) value);
        }
        return json.append(String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1"));
    }

    static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
