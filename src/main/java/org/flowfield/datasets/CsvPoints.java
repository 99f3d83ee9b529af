package org.flowfield.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flowfield.data.PointCloud;

/**
 * Reads an uploaded CSV file of points: one point per line, {@code x,y} or {@code x,y,class},
 * every line with the same number of values, an optional header line of names first, blank lines
 * skipped. Numbers are plain decimals (such as {@code -1.5} or {@code 2e-3}); classes are whole
 * numbers from 0 to {@link DataSetLimits#MAX_CLASSES} − 1, each used by some point. Every problem
 * is reported with its line number, up to {@link DataSetLimits#MAX_PROBLEMS_LISTED} of them.
 */
final class CsvPoints {

    /** Coordinates larger than this are surely a mistake, and would spoil the standardisation. */
    static final double MAX_ABS_COORDINATE = 1e6;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private final List<String> problems = new ArrayList<>();
    private int unlisted;

    private CsvPoints() {}

    /**
     * The points of a file.
     *
     * @throws InvalidDataSetException listing what is wrong, line by line
     */
    static PointCloud parse(byte[] file) {
        return new CsvPoints().read(file);
    }

    private PointCloud read(byte[] file) {
        if (file.length > DataSetLimits.MAX_UPLOAD_BYTES) {
            throw new InvalidDataSetException("The file has more than " + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_UPLOAD_BYTES)
                    + " bytes, the most an upload may have.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDataSetException("The file is not text (UTF-8): it should be a CSV file of x,y or x,y,class lines.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        float[] xy = new float[2 * Math.min(DataSetLimits.MAX_POINTS, lines.length)];
        int[] labels = new int[Math.min(DataSetLimits.MAX_POINTS, lines.length)];
        int columns = 0;
        int points = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] values = line.split(",", -1);
            if (columns == 0) {
                columns = values.length;
                if (columns != 2 && columns != 3) {
                    problem("Line " + lineNumber + " has " + values.length + (values.length == 1 ? " value" : " values")
                            + "; each line needs 2 (x,y) or 3 (x,y,class), separated by commas.");
                    break;
                }
                if (isHeader(values)) {
                    continue;
                }
            }
            if (values.length != columns) {
                problem("Line " + lineNumber + " has " + values.length + (values.length == 1 ? " value" : " values") + ", but the lines before it have "
                        + columns + " (" + (columns == 2 ? "x,y" : "x,y,class") + ").");
                continue;
            }
            if (points == DataSetLimits.MAX_POINTS) {
                problem("Line " + lineNumber + " is one point too many: a data set has at most "
                        + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_POINTS) + " points.");
                break;
            }
            Double x = coordinate(lineNumber, "x", values[0]);
            Double y = coordinate(lineNumber, "y", values[1]);
            Integer label = columns == 3 ? label(lineNumber, values[2]) : Integer.valueOf(0);
            if (x != null && y != null && label != null) {
                xy[2 * points] = x.floatValue();
                xy[2 * points + 1] = y.floatValue();
                labels[points] = label;
            }
            points++;
        }
        if (problems.isEmpty()) {
            checkWhole(xy, labels, points, columns == 3);
        }
        if (!problems.isEmpty()) {
            if (unlisted > 0) {
                problems.add("… and " + unlisted + " more " + (unlisted == 1 ? "problem" : "problems") + ".");
            }
            throw new InvalidDataSetException(problems);
        }
        float[] kept = java.util.Arrays.copyOf(xy, 2 * points);
        return columns == 3 ? new PointCloud(kept, java.util.Arrays.copyOf(labels, points)) : PointCloud.unlabelled(kept);
    }

    /** A first line of names rather than numbers, such as {@code x,y,class}. */
    private static boolean isHeader(String[] values) {
        for (String value : values) {
            String v = value.strip();
            if (DECIMAL.matcher(v).matches() || NOT_FINITE.matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    private Double coordinate(int line, String axis, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            problem("Line " + line + ": " + axis + " is missing.");
            return null;
        }
        if (NOT_FINITE.matcher(value).matches()) {
            problem("Line " + line + ": " + axis + " is “" + value + "”; every value must be a finite number.");
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            problem("Line " + line + ": " + axis + " is “" + shortened(value) + "”, which is not a number.");
            return null;
        }
        double number = Double.parseDouble(value);
        if (!(Math.abs(number) <= MAX_ABS_COORDINATE)) {
            problem("Line " + line + ": " + axis + " is " + value + "; coordinates must lie between −"
                    + String.format(Locale.ROOT, "%,.0f", MAX_ABS_COORDINATE) + " and " + String.format(Locale.ROOT, "%,.0f", MAX_ABS_COORDINATE) + ".");
            return null;
        }
        return number;
    }

    private Integer label(int line, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            problem("Line " + line + ": the class is missing.");
            return null;
        }
        if (!WHOLE.matcher(value).matches()) {
            problem("Line " + line + ": the class is “" + shortened(value) + "”; a class is a whole number from 0 to "
                    + (DataSetLimits.MAX_CLASSES - 1) + ".");
            return null;
        }
        long label = value.length() > 10 ? Long.MAX_VALUE : Long.parseLong(value);
        if (label < 0 || label >= DataSetLimits.MAX_CLASSES) {
            problem("Line " + line + ": class " + value + " is out of range; classes are 0 to " + (DataSetLimits.MAX_CLASSES - 1) + ".");
            return null;
        }
        return (int) label;
    }

    /** What only the whole file shows: enough points, spread in both directions, classes without gaps. */
    private void checkWhole(float[] xy, int[] labels, int points, boolean labelled) {
        if (points < DataSetLimits.MIN_POINTS) {
            problem("The file has " + points + (points == 1 ? " point" : " points") + "; a data set needs at least "
                    + DataSetLimits.MIN_POINTS + ".");
            return;
        }
        for (int axis = 0; axis < 2; axis++) {
            boolean spread = false;
            for (int i = 1; i < points && !spread; i++) {
                spread = xy[2 * i + axis] != xy[axis];
            }
            if (!spread) {
                problem("Every point has " + (axis == 0 ? "x" : "y") + " = " + xy[axis] + "; the points must spread in both x and y.");
            }
        }
        if (labelled) {
            boolean[] used = new boolean[DataSetLimits.MAX_CLASSES];
            int highest = 0;
            for (int i = 0; i < points; i++) {
                used[labels[i]] = true;
                highest = Math.max(highest, labels[i]);
            }
            for (int c = 0; c < highest; c++) {
                if (!used[c]) {
                    problem("No point has class " + c + ", but some have class " + highest
                            + "; classes are numbered from 0 without gaps.");
                }
            }
        }
    }

    private void problem(String text) {
        if (problems.size() < DataSetLimits.MAX_PROBLEMS_LISTED) {
            problems.add(text);
        } else {
            unlisted++;
        }
    }

    private static String shortened(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
