package org.flowfield.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void aConfiguredAddressPrefixesEveryLink() {
        assertThat(new PublicUrl("https://flows.example.edu").of("/shared/abc")).isEqualTo("https://flows.example.edu/shared/abc");
        assertThat(new PublicUrl(" https://flows.example.edu/course/ ").of("/shared/abc"))
                .isEqualTo("https://flows.example.edu/course/shared/abc");
    }

    @Test
    void withoutOneOrARequestTheLinkIsThePath() {
        assertThat(new PublicUrl("").of("/shared/abc")).isEqualTo("/shared/abc");
    }

    @Test
    void anAddressThatIsNotHttpStopsTheServerFromStarting() {
        assertThatThrownBy(() -> new PublicUrl("flows.example.edu")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flowfield.public-url must be an http(s) address");
        assertThatThrownBy(() -> new PublicUrl("javascript:alert(1)")).isInstanceOf(IllegalStateException.class);
    }
}
