package org.flowfield.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointCloudTest {

    @Test
    void readsInterleavedCoordinates() {
        PointCloud cloud = new PointCloud(new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 2});

        assertThat(cloud.size()).isEqualTo(3);
        assertThat(cloud.conditional()).isTrue();
        assertThat(cloud.x(1)).isEqualTo(3);
        assertThat(cloud.y(1)).isEqualTo(4);
        assertThat(cloud.label(2)).isEqualTo(2);
    }

    @Test
    void subsampleKeepsTheFirstPoints() {
        PointCloud cloud = new PointCloud(new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 2});

        PointCloud first = cloud.subsample(2);
        assertThat(first.xy()).containsExactly(1, 2, 3, 4);
        assertThat(first.labels()).containsExactly(0, 1);
        assertThat(cloud.subsample(10)).isSameAs(cloud);
        assertThat(PointCloud.unlabelled(new float[] {1, 2}).subsample(0).size()).isZero();
    }

    @Test
    void rejectsMalformedArrays() {
        assertThatThrownBy(() -> new PointCloud(new float[] {1, 2, 3}, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointCloud(new float[] {1, 2, 3, 4}, new int[] {0}))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
