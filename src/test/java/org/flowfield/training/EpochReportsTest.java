package org.flowfield.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochReportsTest {

    @Test
    void aRunOfAtMostAHundredEpochsReportsEveryEpoch() {
        assertThat(IntStream.range(0, 100).filter(epoch -> RunLoop.reportsEpoch(epoch, 100)).count()).isEqualTo(100);
        assertThat(IntStream.range(0, 20).allMatch(epoch -> RunLoop.reportsEpoch(epoch, 20))).isTrue();
    }

    @Test
    void aThousandEpochRunReportsEveryTenthAndTheLast() {
        int[] reported = IntStream.range(0, 1_000).filter(epoch -> RunLoop.reportsEpoch(epoch, 1_000)).toArray();

        assertThat(reported).hasSize(100).startsWith(9, 19, 29).endsWith(989, 999);
    }

    @Test
    void anUnevenRunStillReportsItsLastEpoch() {
        int[] reported = IntStream.range(0, 250).filter(epoch -> RunLoop.reportsEpoch(epoch, 250)).toArray();

        // every third epoch (⌈250 / 100⌉ = 3), and the last, 249
        assertThat(reported).startsWith(2, 5, 8).endsWith(248, 249);
        assertThat(reported.length).isLessThanOrEqualTo(Trainer.MAX_EPOCH_REPORTS + 1);
    }
}
