package org.flowfield.flows.nf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.ModelState;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;
import org.flowfield.flows.fm.FlowMatching;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every member of a pack is checked against the same run trained alone, step by step: its loss at
 * every step and its final state agree to 1e-5 relative, whatever the other members do.
 */
class CouplingFlowPackTest {

    private static final CouplingFlowConfig CONFIG = CouplingFlowConfig.EXERCISE;
    private static final int BATCH = 128;
    private static final double TOLERANCE = 1e-5;

    @BeforeAll
    static void engine() {
        TorchRuntime.start(1);
    }

    @Test
    void membersWithTheirOwnRatesSeedsAndPartialBatchesLoseAtEveryStepWhatTheyLoseAloneFor2000Steps() {
        List<Member> members = List.of(
                new Member(BATCH * 5 + 37, 11, 1, 1e-3),
                new Member(BATCH * 3 + 100, 12, 2, 3e-3),
                new Member(BATCH * 6, 13, 3, 5e-4),
                new Member(BATCH * 4 + 1, 14, 4, 2e-3));
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH)) {
            members.forEach(member -> pack.join(member.alone));
            for (int s = 0; s < 2_000; s++) {
                stepAndCompare(pack, members);
            }
            for (int m = 0; m < members.size(); m++) {
                assertSameState(pack.state(m), members.get(m).alone.state());
            }
        } finally {
            members.forEach(Member::close);
        }
    }

    @Test
    void aMemberJoiningAfter300StepsAndOneLeavingMidwayLeaveTheOthersAsTheyAreAlone() {
        Member first = new Member(BATCH * 4 + 60, 21, 1, 1e-3);
        Member leaver = new Member(BATCH * 3, 22, 2, 2e-3);
        Member third = new Member(BATCH * 5 + 5, 23, 3, 1.5e-3);
        Member latecomer = new Member(BATCH * 2 + 90, 24, 4, 8e-4);
        List<Member> all = List.of(first, leaver, third, latecomer);
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH)) {
            List<Member> seated = new ArrayList<>(List.of(first, leaver, third));
            seated.forEach(member -> pack.join(member.alone));
            for (int s = 0; s < 150; s++) {
                latecomer.stepAlone();
                latecomer.step++;
            }
            for (int s = 0; s < 900; s++) {
                if (s == 300) {
                    assertThat(pack.join(latecomer.alone)).isEqualTo(3);
                    seated.add(latecomer);
                }
                if (s == 600) {
                    assertSameState(pack.state(1), leaver.alone.state());
                    pack.leave(1);
                    seated.remove(leaver);
                    assertThat(pack.size()).isEqualTo(3);
                }
                stepAndCompare(pack, seated);
            }
            for (int m = 0; m < seated.size(); m++) {
                assertSameState(pack.state(m), seated.get(m).alone.state());
            }
            assertThat(latecomer.alone.state().optimizerSteps()).isEqualTo(150 + 600);
        } finally {
            all.forEach(Member::close);
        }
    }

    @Test
    void membersThatBlowUpLeaveTheOthersAsTheyAreAlone() {
        Member first = new Member(BATCH * 4 + 60, 31, 1, 1e-3);
        Member hugeRate = new Member(BATCH * 3, 32, 2, 1e3);
        Member nanPoints = new Member(BATCH * 3 + 17, 33, 3, 1e-3);
        Member last = new Member(BATCH * 5, 34, 4, 2e-3);
        List<Member> members = List.of(first, hugeRate, nanPoints, last);
        boolean[] blewUp = new boolean[members.size()];
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH)) {
            members.forEach(member -> pack.join(member.alone));
            for (int s = 0; s < 300; s++) {
                TrainingBatch[] batches = new TrainingBatch[members.size()];
                double[] rates = new double[members.size()];
                for (int m = 0; m < members.size(); m++) {
                    batches[m] = members.get(m).batch();
                    rates[m] = members.get(m).learningRate;
                }
                if (s >= 50) {
                    float[] poisoned = batches[2].xy().clone();
                    poisoned[7] = Float.NaN;
                    batches[2] = new TrainingBatch(poisoned, null, batches[2].noiseSeed());
                }
                StepLoss[] losses = pack.trainStep(batches, rates);
                for (int m = 0; m < members.size(); m++) {
                    blewUp[m] |= !losses[m].finite();
                }
                for (int m : new int[] {0, 3}) {
                    assertSameLoss(losses[m], members.get(m).stepAlone(), m, s);
                }
                members.forEach(member -> member.step++);
            }
            assertThat(blewUp).containsExactly(false, true, true, false);
            assertSameState(pack.state(0), first.alone.state());
            assertSameState(pack.state(3), last.alone.state());
        } finally {
            members.forEach(Member::close);
        }
    }

    @Test
    void aMembersStateRestoredIntoAFlowAloneContinuesAsTheMemberDoes() {
        Member first = new Member(BATCH * 4 + 60, 41, 1, 1e-3);
        Member second = new Member(BATCH * 3 + 3, 42, 2, 2e-3);
        List<Member> members = List.of(first, second);
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH);
                CouplingFlow resumed = new CouplingFlow(CONFIG, 99)) {
            members.forEach(member -> pack.join(member.alone));
            for (int s = 0; s < 300; s++) {
                stepAndCompare(pack, members);
            }
            ModelState handedOver = pack.state(1);
            assertSameState(handedOver, second.alone.state());
            resumed.restore(handedOver);
            for (int s = 0; s < 200; s++) {
                TrainingBatch batch = second.batch();
                StepLoss[] losses = stepAndCompare(pack, members);
                assertSameLoss(resumed.trainStep(batch, second.learningRate), losses[1], 1, s);
            }
            assertSameState(resumed.state(), pack.state(1));
            assertThat(resumed.state().optimizerSteps()).isEqualTo(500);
        } finally {
            members.forEach(Member::close);
        }
    }

    @Test
    void liveNativeArraysStayConstantOverManyJoinsLeavesAndSteps() {
        NDManager engineRoot;
        try (NDManager probe = TorchRuntime.get().newManager()) {
            engineRoot = probe.getParentManager();
        }
        List<Member> members = List.of(new Member(BATCH * 2 + 9, 51, 1, 1e-3), new Member(BATCH * 3, 52, 2, 1e-3));
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH)) {
            members.forEach(member -> pack.join(member.alone));
            joinStepAndLeave(pack, members, 0, 10);
            int before = engineRoot.getManagedArrays().size();
            joinStepAndLeave(pack, members, 10, 300);
            int after = engineRoot.getManagedArrays().size();
            assertThat(after).isEqualTo(before);
            assertThat(pack.size()).isEqualTo(2);
        } finally {
            members.forEach(Member::close);
        }
    }

    @Test
    void onlyCouplingFlowsOfThePacksArchitectureFit() {
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH);
                CouplingFlow same = new CouplingFlow(CONFIG, 1);
                CouplingFlow smaller = new CouplingFlow(new CouplingFlowConfig(5, 4, 3, 0.01), 1);
                FlowMatching other = new FlowMatching(FlowMatchingConfig.EXERCISE, 1)) {
            assertThat(pack.fits(same)).isTrue();
            assertThat(pack.fits(smaller)).isFalse();
            assertThat(pack.fits(other)).isFalse();
            assertThatThrownBy(() -> pack.join(smaller)).isInstanceOf(IllegalArgumentException.class);
            assertThat(pack.size()).isZero();
        }
    }

    @Test
    void aBatchLongerThanThePacksBatchSizeIsRefused() {
        try (CouplingFlowPack pack = new CouplingFlowPack(CONFIG, BATCH);
                CouplingFlow flow = new CouplingFlow(CONFIG, 1)) {
            pack.join(flow);
            TrainingBatch tooLong = new TrainingBatch(new float[2 * (BATCH + 1)], null, 0);
            assertThatThrownBy(() -> pack.trainStep(new TrainingBatch[] {tooLong}, new double[] {1e-3}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(pack.state(0).optimizerSteps()).isZero();
        }
    }

    /** Cycles of a newcomer joining, two steps and the newcomer leaving again. */
    private static void joinStepAndLeave(CouplingFlowPack pack, List<Member> members, int from, int to) {
        for (int c = from; c < to; c++) {
            try (CouplingFlow newcomer = new CouplingFlow(CONFIG, 1_000 + c)) {
                int slot = pack.join(newcomer);
                TrainingBatch[] batches = {members.get(0).batch(), members.get(1).batch(), members.get(0).batch()};
                pack.trainStep(batches, new double[] {1e-3, 1e-3, 1e-3});
                pack.state(slot);
                pack.leave(c % 2 == 0 ? slot : 0);
                pack.join(c % 2 == 0 ? newcomer : members.get(0).alone);
                pack.leave(2);
                pack.trainStep(Arrays.copyOf(batches, 2), new double[] {1e-3, 1e-3});
            }
        }
    }

    /** One step of the pack and of each seated member alone; their losses must agree. */
    private static StepLoss[] stepAndCompare(CouplingFlowPack pack, List<Member> seated) {
        TrainingBatch[] batches = new TrainingBatch[seated.size()];
        double[] rates = new double[seated.size()];
        for (int m = 0; m < seated.size(); m++) {
            batches[m] = seated.get(m).batch();
            rates[m] = seated.get(m).learningRate;
        }
        StepLoss[] losses = pack.trainStep(batches, rates);
        for (int m = 0; m < seated.size(); m++) {
            Member member = seated.get(m);
            assertSameLoss(losses[m], member.stepAlone(), m, member.step);
            member.step++;
        }
        return losses;
    }

    private static void assertSameLoss(StepLoss actual, StepLoss expected, int member, long step) {
        assertThat(actual.loss()).as("loss of member %d at step %d", member, step)
                .isCloseTo(expected.loss(), within(TOLERANCE * Math.abs(expected.loss())));
        assertThat(actual.logDet()).as("log-determinant of member %d at step %d", member, step)
                .isCloseTo(expected.logDet(), within(TOLERANCE * Math.abs(expected.loss())));
    }

    /**
     * The same step count, and every weight and moment within 1e-5 of the largest of its kind: a
     * moment near zero carries the rounding of the large ones.
     */
    private static void assertSameState(ModelState actual, ModelState expected) {
        assertThat(actual.optimizerSteps()).isEqualTo(expected.optimizerSteps());
        assertClose(actual.parameters(), expected.parameters(), "weight");
        assertClose(actual.adamFirstMoment(), expected.adamFirstMoment(), "first moment");
        assertClose(actual.adamSecondMoment(), expected.adamSecondMoment(), "second moment");
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (float value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s %d", what, i).isCloseTo(expected[i], within(TOLERANCE * scale));
        }
    }

    /** A run trained alone, step for step beside its seat in the pack: the reference the pack must reproduce. */
    private static final class Member implements AutoCloseable {
        final ShuffledBatches batches;
        final double learningRate;
        final CouplingFlow alone;
        long step;

        Member(int points, long dataSeed, long modelSeed, double learningRate) {
            this.batches = new ShuffledBatches(points, BATCH, dataSeed);
            this.learningRate = learningRate;
            this.alone = new CouplingFlow(CONFIG, modelSeed);
        }

        TrainingBatch batch() {
            return batches.batch(step);
        }

        StepLoss stepAlone() {
            return alone.trainStep(batch(), learningRate);
        }

        @Override
        public void close() {
            alone.close();
        }
    }
}
