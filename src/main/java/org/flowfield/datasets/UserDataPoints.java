package org.flowfield.datasets;

import java.util.Optional;
import org.flowfield.data.KnownDensity;
import org.flowfield.data.PointCloud;

/**
 * A user data set's points, in its own coordinates, and its exact density when it has one (a
 * drawing's: uniform under its strokes; an upload has none).
 */
public record UserDataPoints(UserDataSet dataSet, PointCloud points, Optional<KnownDensity> density) {}
