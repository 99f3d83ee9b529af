package org.flowfield.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.flowfield.data.PointCloud;

/**
 * The model's samples at the end of an epoch, in the model's standardised coordinates
 * (docs/data.md).
 *
 * @param points [x, y] pairs
 * @param labels each point's class (0 to 4), for class-conditional runs only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SnapshotJson(int epoch, List<float[]> points, int[] labels) {

    static SnapshotJson of(int epoch, PointCloud cloud) {
        List<float[]> points = new ArrayList<>(cloud.size());
        for (int i = 0; i < cloud.size(); i++) {
            points.add(new float[] {cloud.x(i), cloud.y(i)});
        }
        return new SnapshotJson(epoch, points, cloud.conditional() ? cloud.labels() : null);
    }
}
