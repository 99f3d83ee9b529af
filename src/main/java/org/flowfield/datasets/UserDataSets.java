package org.flowfield.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowfield.data.KnownDensity;
import org.flowfield.data.PointCloud;
import org.flowfield.text.DisplayNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data sets users draw or upload. Each belongs to its owner; whoever may see a run that
 * trains on one may read it too (never change it); to anyone else it does not exist. Every data
 * set counts toward its owner's storage quota, and one that runs train on is not deleted.
 */
@Service
public class UserDataSets {

    /** Drawn regions recently asked for; a data set never changes, so its region (and its area, once computed) can be kept. */
    private static final int REGIONS_KEPT = 32;

    private final UserDataSetRepository repository;
    private final Map<UUID, StrokeRegion> regions = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, StrokeRegion> eldest) {
            return size() > REGIONS_KEPT;
        }
    });
    private final RunLookup runs;
    private final StorageRoom storage;
    private final Clock clock;

    UserDataSets(UserDataSetRepository repository, RunLookup runs, StorageRoom storage, Clock clock) {
        this.repository = repository;
        this.runs = runs;
        this.storage = storage;
        this.clock = clock;
    }

    /** The caller's own data sets, newest first. */
    @Transactional(readOnly = true)
    public List<UserDataSet> listMine(UUID ownerId) {
        return repository.listOwned(ownerId);
    }

    /** How many data sets the owner keeps (what the storage quota counts besides runs). */
    @Transactional(readOnly = true)
    public long countOwned(UUID ownerId) {
        return repository.countOwned(ownerId);
    }

    /**
     * A data set the viewer may read: their own, or one a run they may see trains on.
     *
     * @throws DataSetNotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public UserDataSet find(UUID viewerId, UUID id) {
        UserDataSet dataSet = repository.find(id).orElseThrow(() -> new DataSetNotFoundException(id));
        if (dataSet.ownedBy(viewerId) || repository.runsUsing(id).stream().anyMatch(run -> runs.visibleRunName(viewerId, run).isPresent())) {
            return dataSet;
        }
        throw new DataSetNotFoundException(id);
    }

    /**
     * The points of a data set the viewer may read, with its exact density when it was drawn:
     * what a run trains on and measures against.
     *
     * @throws DataSetNotFoundException when the viewer may not read it
     */
    @Transactional(readOnly = true)
    public UserDataPoints pointsFor(UUID viewerId, UUID id) {
        UserDataSet dataSet = find(viewerId, id);
        UserDataSetRepository.Contents contents = repository.contents(id);
        float[] xy = DataSetBlobs.points(contents.points());
        PointCloud points = contents.labels() == null ? PointCloud.unlabelled(xy) : new PointCloud(xy, DataSetBlobs.labels(contents.labels()));
        Optional<KnownDensity> density = contents.strokes() == null ? Optional.empty()
                : Optional.of(new DrawnDensity(regions.computeIfAbsent(id, key -> new StrokeRegion(DataSetBlobs.strokes(contents.strokes())))));
        return new UserDataPoints(dataSet, points, density);
    }

    /**
     * The strokes of a drawn data set the viewer may read; empty for an uploaded one.
     *
     * @throws DataSetNotFoundException when the viewer may not read it
     */
    @Transactional(readOnly = true)
    public Optional<List<Stroke>> strokes(UUID viewerId, UUID id) {
        find(viewerId, id);
        byte[] strokes = repository.contents(id).strokes();
        return strokes == null ? Optional.empty() : Optional.of(DataSetBlobs.strokes(strokes));
    }

    /**
     * {@code pointCount} points uniform under the strokes, the same for the same seed; nothing is stored.
     *
     * @throws InvalidDataSetException when the drawing or the count is out of bounds
     */
    public PointCloud sampleDrawing(List<Stroke> strokes, int pointCount, long seed) {
        DrawingRules.requireValid(strokes, pointCount);
        return PointCloud.unlabelled(new StrokeRegion(strokes).sample(pointCount, seed));
    }

    /**
     * Stores a drawing as a data set of {@code pointCount} points uniform under its strokes
     * ({@link #sampleDrawing}, the same points for the same seed), keeping the strokes.
     *
     * @throws InvalidDataSetNameException when the name breaks the rules or the owner has a data set of that name
     * @throws InvalidDataSetException when the drawing or the count is out of bounds
     * @throws StorageFullException when the owner keeps as many runs and data sets as the storage quota allows
     */
    @Transactional
    public UserDataSet saveDrawing(UUID ownerId, String name, List<Stroke> strokes, int pointCount, long seed) {
        String normal = requireNameRules(name);
        PointCloud points = sampleDrawing(strokes, pointCount, seed);
        return store(ownerId, normal, DataSetSource.DRAWN, points, DataSetBlobs.strokes(strokes));
    }

    /**
     * Stores an uploaded CSV file ({@link CsvPoints}) as a data set; reads at most one byte more than an upload may have.
     *
     * @throws InvalidDataSetNameException when the name breaks the rules or the owner has a data set of that name
     * @throws InvalidDataSetException listing every problem of the file, with line numbers
     * @throws StorageFullException when the owner keeps as many runs and data sets as the storage quota allows
     */
    @Transactional
    public UserDataSet upload(UUID ownerId, String name, InputStream csv) {
        String normal = requireNameRules(name);
        byte[] file;
        try {
            file = csv.readNBytes(DataSetLimits.MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        PointCloud points = CsvPoints.parse(file);
        return store(ownerId, normal, DataSetSource.UPLOADED, points, null);
    }

    private UserDataSet store(UUID ownerId, String name, DataSetSource source, PointCloud points, byte[] strokes) {
        storage.requireRoomForOneMore(ownerId, () -> repository.countOwned(ownerId));
        if (repository.nameTaken(ownerId, name)) {
            throw new InvalidDataSetNameException("You already have a data set named “" + name + "”; choose another name.");
        }
        int classes = points.conditional() ? java.util.Arrays.stream(points.labels()).max().orElse(0) + 1 : 0;
        // as precise as the databases keep it, so that what is returned is what is read back
        UserDataSet dataSet = new UserDataSet(UUID.randomUUID(), ownerId, name, source,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), points.size(), classes);
        repository.insert(dataSet, new UserDataSetRepository.Contents(DataSetBlobs.points(points.xy()),
                points.conditional() ? DataSetBlobs.labels(points.labels()) : null, strokes));
        return dataSet;
    }

    private static String requireNameRules(String name) {
        Optional<String> problem = DisplayNames.problem("The name", name, DataSetLimits.MAX_NAME_LENGTH);
        if (problem.isPresent()) {
            throw new InvalidDataSetNameException(problem.get());
        }
        return DisplayNames.normalize(name);
    }

    /**
     * Deletes one of the caller's data sets, unless a run trains on it.
     *
     * @throws DataSetNotFoundException when the caller may not read it
     * @throws NotDataSetOwnerException when the caller reads it through a shared run but does not own it
     * @throws DataSetInUseException when runs train on it (nothing is deleted)
     */
    @Transactional
    public void delete(UUID ownerId, UUID id) {
        UserDataSet dataSet = requireOwner(ownerId, id);
        List<String> using = repository.runsUsing(id).stream()
                .map(run -> runs.visibleRunName(ownerId, run).orElse("a run of someone else's"))
                .toList();
        if (!using.isEmpty()) {
            throw new DataSetInUseException(dataSet.name(), using);
        }
        repository.delete(id);
    }

    /**
     * Records that a run of the owner's trains on one of the owner's data sets; call it in the
     * transaction that stores the run. A run trains only on its owner's own data sets, so that
     * deleting an account never takes data from someone else's runs.
     *
     * @throws DataSetNotFoundException when the data set is not the owner's
     */
    @Transactional
    public void recordUse(UUID ownerId, UUID dataSetId, UUID runId) {
        UserDataSet dataSet = repository.find(dataSetId).orElseThrow(() -> new DataSetNotFoundException(dataSetId));
        if (!dataSet.ownedBy(ownerId)) {
            throw new DataSetNotFoundException(dataSetId);
        }
        repository.recordUse(dataSetId, runId);
    }

    private UserDataSet requireOwner(UUID callerId, UUID id) {
        UserDataSet dataSet = find(callerId, id);
        if (!dataSet.ownedBy(callerId)) {
            throw new NotDataSetOwnerException(dataSet.name());
        }
        return dataSet;
    }

    /** For an account being deleted: its data sets go (its runs, which alone train on them, go too). */
    void deleteAllOf(UUID ownerId) {
        repository.deleteAllOf(ownerId);
    }
}
