package org.flowfield.flows.fm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowfield.data.DataSetKind;
import org.flowfield.data.RingDataset;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.training.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A member of a pack computes what its model computes alone: every member is checked step by step
 * against its own model trained alone on the same batches, the way the trainer makes them.
 */
class FlowMatchingPackTest {

    private static final int BATCH = 128;
    private static final double TOLERANCE = 1e-5;
    private static final Map<String, Solo> SOLO_RUNS = new HashMap<>();

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    /**
     * Members that differ in everything a member keeps: rate, seeds, σ_min, optimal-transport
     * pairing and data sizes that end each epoch in a partial batch (of 50, 100 and 1 points
     * unlabelled; 49, 98 and 1 labelled).
     */
    private static List<Member> mixed(ModelFamily family) {
        FlowMatchingConfig base = family.conditional() ? FlowMatchingConfig.EXERCISE_CONDITIONAL : FlowMatchingConfig.EXERCISE;
        return List.of(
                new Member(base, 1, BATCH * 7 + 50, 1e-3),
                new Member(base.withSigmaMin(0.05).withMinibatchOptimalTransport(true), 2, BATCH * 5, 3e-3),
                new Member(base.withSigmaMin(0.1), 3, BATCH * 4 + 100, 5e-4),
                new Member(base.withMinibatchOptimalTransport(true), 4, BATCH * 3 + 1, 2e-3));
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOW_MATCHING", "CONDITIONAL_FLOW_MATCHING"})
    void eachMemberOfAMixedPackGivesItsSoloLossesAndStateOver2000Steps(ModelFamily family) {
        int steps = 2000;
        List<Member> members = mixed(family);
        try (FlowMatchingPack pack = new FlowMatchingPack(members.get(0).config(), BATCH)) {
            for (Member member : members) {
                try (FlowMatching model = member.newModel()) {
                    pack.join(model);
                }
            }
            for (int s = 0; s < steps; s++) {
                StepLoss[] losses = step(pack, members, s);
                for (int i = 0; i < members.size(); i++) {
                    assertClose(losses[i].loss(), solo(members.get(i), steps).losses[s], "member %d at step %d", i, s);
                }
            }
            for (int i = 0; i < members.size(); i++) {
                assertSameState(pack.state(i), solo(members.get(i), steps).state, "member " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOW_MATCHING", "CONDITIONAL_FLOW_MATCHING"})
    void aMemberJoiningAfter300StepsAndOneLeavingMidwayLeaveTheOthersUnchanged(ModelFamily family) {
        int steps = 800;
        int joinAt = 300;
        int leaveAt = 550;
        List<Member> members = mixed(family);
        Member late = members.get(2);
        Member leaving = members.get(1);
        try (FlowMatchingPack pack = new FlowMatchingPack(members.get(0).config(), BATCH);
                FlowMatching lateModel = late.newModel()) {
            List<Member> inPack = new ArrayList<>(List.of(members.get(0), leaving, members.get(3)));
            for (Member member : inPack) {
                try (FlowMatching model = member.newModel()) {
                    pack.join(model);
                }
            }
            for (int s = 0; s < joinAt; s++) {
                lateModel.trainStep(late.batch(s), late.learningRate());
            }
            for (int s = 0; s < steps; s++) {
                if (s == joinAt) {
                    assertThat(pack.join(lateModel)).isEqualTo(3);
                    inPack.add(late);
                }
                if (s == leaveAt) {
                    pack.leave(1);
                    inPack.remove(leaving);
                }
                StepLoss[] losses = step(pack, inPack, s);
                for (int i = 0; i < inPack.size(); i++) {
                    assertClose(losses[i].loss(), solo(inPack.get(i), steps).losses[s], "%s at step %d", inPack.get(i), s);
                }
            }
            assertThat(pack.size()).isEqualTo(3);
            for (int i = 0; i < inPack.size(); i++) {
                assertSameState(pack.state(i), solo(inPack.get(i), steps).state, inPack.get(i).toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOW_MATCHING", "CONDITIONAL_FLOW_MATCHING"})
    void aMemberThatBlowsUpLeavesTheOthersAsTheyAreAlone(ModelFamily family) {
        int steps = 300;
        List<Member> members = mixed(family);
        Member blowing = new Member(members.get(0).config(), 9, BATCH * 3 + 7, 1e4);
        List<Member> inPack = List.of(members.get(0), blowing, members.get(1));
        try (FlowMatchingPack pack = new FlowMatchingPack(members.get(0).config(), BATCH)) {
            for (Member member : inPack) {
                try (FlowMatching model = member.newModel()) {
                    pack.join(model);
                }
            }
            boolean blewUp = false;
            for (int s = 0; s < steps; s++) {
                StepLoss[] losses = step(pack, inPack, s);
                blewUp |= !losses[1].finite();
                assertClose(losses[0].loss(), solo(members.get(0), steps).losses[s], "member 0 at step %d", s);
                assertClose(losses[2].loss(), solo(members.get(1), steps).losses[s], "member 2 at step %d", s);
            }
            assertThat(blewUp).as("the member with rate 1e4 reached a non-finite loss").isTrue();
            assertSameState(pack.state(0), solo(members.get(0), steps).state, "member 0");
            assertSameState(pack.state(2), solo(members.get(1), steps).state, "member 2");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOW_MATCHING", "CONDITIONAL_FLOW_MATCHING"})
    void aMembersStateRestoredIntoAModelAloneContinuesAsInThePack(ModelFamily family) {
        List<Member> members = mixed(family);
        Member followed = members.get(1);
        try (FlowMatchingPack pack = new FlowMatchingPack(members.get(0).config(), BATCH)) {
            for (Member member : members) {
                try (FlowMatching model = member.newModel()) {
                    pack.join(model);
                }
            }
            for (int s = 0; s < 200; s++) {
                step(pack, members, s);
            }
            try (FlowMatching alone = new FlowMatching(followed.config(), 12345)) {
                alone.restore(pack.state(1));
                for (int s = 200; s < 400; s++) {
                    StepLoss[] losses = step(pack, members, s);
                    assertClose(alone.trainStep(followed.batch(s), followed.learningRate()).loss(), losses[1].loss(),
                            "step %d", s);
                }
                assertSameState(alone.state(), pack.state(1), "after 400 steps");
            }
        }
    }

    @Test
    void nativeMemoryStaysFlatOverManyJoinsStepsAndLeaves() {
        List<Member> members = mixed(ModelFamily.CONDITIONAL_FLOW_MATCHING);
        NDManager engineRoot;
        try (NDManager probe = TorchRuntime.get().newManager()) {
            engineRoot = probe.getParentManager();
        }
        List<FlowMatching> models = new ArrayList<>();
        for (Member member : members) {
            models.add(member.newModel());
        }
        try (FlowMatchingPack pack = new FlowMatchingPack(members.get(0).config(), BATCH)) {
            churn(pack, models, members, 0, 10);
            int before = engineRoot.getManagedArrays().size();
            churn(pack, models, members, 10, 200);
            int after = engineRoot.getManagedArrays().size();
            assertThat(after).isEqualTo(before);
        } finally {
            models.forEach(FlowMatching::close);
        }
    }

    /** Rounds of: every model joins, a few steps, a state read, then all leave from the front. */
    private static void churn(FlowMatchingPack pack, List<FlowMatching> models, List<Member> members, int from, int to) {
        for (int round = from; round < to; round++) {
            models.forEach(pack::join);
            for (int s = 0; s < 3; s++) {
                step(pack, members, 3 * round + s);
            }
            pack.state(round % members.size());
            while (pack.size() > 0) {
                pack.leave(0);
            }
        }
    }

    @Test
    void onlyModelsOfTheSameNetworkFit() {
        FlowMatchingConfig shape = FlowMatchingConfig.EXERCISE;
        try (FlowMatchingPack pack = new FlowMatchingPack(shape, BATCH);
                FlowMatching otherPaths = new FlowMatching(shape.withSigmaMin(0.2).withMinibatchOptimalTransport(true), 1);
                FlowMatching wider = new FlowMatching(new FlowMatchingConfig(32, 5, 0.01, false, 8, 0, false), 1);
                FlowMatching conditional = new FlowMatching(FlowMatchingConfig.EXERCISE_CONDITIONAL, 1)) {
            assertThat(pack.family()).isEqualTo(ModelFamily.FLOW_MATCHING);
            assertThat(pack.fits(otherPaths)).isTrue();
            assertThat(pack.fits(wider)).isFalse();
            assertThat(pack.fits(conditional)).isFalse();
            assertThatThrownBy(() -> pack.join(wider)).isInstanceOf(IllegalArgumentException.class);
            assertThat(pack.size()).isZero();
        }
    }

    @Test
    void aBatchLongerThanThePacksIsRefused() {
        Member member = mixed(ModelFamily.FLOW_MATCHING).get(0);
        try (FlowMatchingPack pack = new FlowMatchingPack(member.config(), 64);
                FlowMatching model = member.newModel()) {
            pack.join(model);
            assertThatThrownBy(() -> pack.trainStep(new TrainingBatch[] {member.batch(0)}, new double[] {1e-3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the pack takes 1 to 64");
        }
    }

    private static StepLoss[] step(FlowMatchingPack pack, List<Member> members, int s) {
        TrainingBatch[] batches = new TrainingBatch[members.size()];
        double[] rates = new double[members.size()];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = members.get(i).batch(s);
            rates[i] = members.get(i).learningRate();
        }
        return pack.trainStep(batches, rates);
    }

    private static void assertClose(double actual, double expected, String what, Object... args) {
        assertThat(Math.abs(actual - expected)).as(what + ": %s vs alone %s", append(args, actual, expected))
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));
    }

    private static Object[] append(Object[] args, Object... more) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Weights and both moments within 1e-5 of the largest magnitude of each, and the same t. */
    private static void assertSameState(ModelState actual, ModelState expected, String what) {
        assertThat(actual.optimizerSteps()).as(what + ": Adam's t").isEqualTo(expected.optimizerSteps());
        assertRelative(actual.parameters(), expected.parameters(), what + ": weights");
        assertRelative(actual.adamFirstMoment(), expected.adamFirstMoment(), what + ": Adam's m");
        assertRelative(actual.adamSecondMoment(), expected.adamSecondMoment(), what + ": Adam's v");
    }

    private static void assertRelative(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), Math.abs(actual[i]));
            assertThat((double) Math.abs(actual[i] - expected[i])).as("%s [%d]: %s vs alone %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(TOLERANCE * scale);
        }
    }

    /** The losses of a member's model trained alone, and its state at the end. */
    private record Solo(double[] losses, ModelState state) {}

    private static Solo solo(Member member, int steps) {
        return SOLO_RUNS.computeIfAbsent(member + "/" + steps, key -> {
            try (FlowMatching model = member.newModel()) {
                double[] losses = new double[steps];
                for (int s = 0; s < steps; s++) {
                    losses[s] = model.trainStep(member.batch(s), member.learningRate()).loss();
                }
                return new Solo(losses, model.state());
            }
        });
    }

    /**
     * One run: its model and training pairs, its data (a ring data set of about {@code points}
     * points; the labelled one keeps a multiple of 5) and rate. Batches are made as the trainer makes them: each epoch a Fisher–Yates shuffle
     * from the seed, consecutive slices of 128, the last one shorter, a fresh noise seed per step.
     */
    private record Member(FlowMatchingConfig config, long seed, int points, double learningRate) {

        private static final Map<Member, RingDataset> DATA = new HashMap<>();

        FlowMatching newModel() {
            return new FlowMatching(config, seed);
        }

        TrainingBatch batch(int step) {
            RingDataset data = DATA.computeIfAbsent(this, m -> RingDataset.training(
                    m.config.conditional() ? DataSetKind.CONDITIONAL : DataSetKind.UNCONDITIONAL, m.points, m.seed));
            int n = data.size();
            int perEpoch = (n + BATCH - 1) / BATCH;
            int epoch = step / perEpoch;
            int from = (step % perEpoch) * BATCH;
            int count = Math.min(BATCH, n - from);
            int[] order = shuffle(n, Seeds.derive(seed, 2, epoch));
            float[] xy = new float[2 * count];
            int[] labels = config.conditional() ? new int[count] : null;
            for (int i = 0; i < count; i++) {
                int p = order[from + i];
                xy[2 * i] = data.points().xy()[2 * p];
                xy[2 * i + 1] = data.points().xy()[2 * p + 1];
                if (labels != null) {
                    labels[i] = data.points().labels()[p];
                }
            }
            return new TrainingBatch(xy, labels, Seeds.derive(seed, 3, step));
        }

        private static int[] shuffle(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }
    }
}
