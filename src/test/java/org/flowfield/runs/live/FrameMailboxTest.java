package org.flowfield.runs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameMailboxTest {

    @Test
    void aFrameGoesOutAtOnceWhenNothingIsInFlight() {
        List<Integer> sent = new ArrayList<>();
        FrameMailbox<Integer> mailbox = new FrameMailbox<>(sent::add);

        mailbox.offer(1);

        assertThat(sent).containsExactly(1);
        assertThat(mailbox.hasPending()).isFalse();
    }

    @Test
    void whileAFrameIsInFlightOnlyTheNewestWaitsAndGoesOutOnAcknowledgement() {
        List<Integer> sent = new ArrayList<>();
        FrameMailbox<Integer> mailbox = new FrameMailbox<>(sent::add);

        mailbox.offer(1);
        mailbox.offer(2);
        mailbox.offer(3);
        mailbox.offer(4);
        assertThat(sent).containsExactly(1);
        assertThat(mailbox.hasPending()).isTrue();

        mailbox.acknowledge();
        assertThat(sent).containsExactly(1, 4);
        mailbox.acknowledge();
        assertThat(sent).containsExactly(1, 4);

        mailbox.offer(5);
        assertThat(sent).containsExactly(1, 4, 5);
    }

    @Test
    void aSlowReceiverNeverHasMoreThanOneFrameInFlightAndEndsOnTheNewest() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Integer> received = java.util.Collections.synchronizedList(new ArrayList<>());
        FrameMailbox<Integer> mailbox = new FrameMailbox<>(frame -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            received.add(frame);
        });
        ExecutorService producers = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        AtomicInteger next = new AtomicInteger();
        for (int p = 0; p < 4; p++) {
            producers.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    mailbox.offer(next.incrementAndGet());
                }
                done.countDown();
            });
        }
        while (done.getCount() > 0) {
            if (inFlight.get() == 1) {
                inFlight.decrementAndGet();
                mailbox.acknowledge();
            }
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        while (inFlight.get() == 1) {
            inFlight.decrementAndGet();
            mailbox.acknowledge();
        }

        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(received.size()).isLessThan(20_000);
        assertThat(received.get(received.size() - 1)).isEqualTo(20_000);
    }

    @Test
    void aNullFrameIsRejected() {
        FrameMailbox<Integer> mailbox = new FrameMailbox<>(frame -> {});
        assertThatThrownBy(() -> mailbox.offer(null)).hasMessageContaining("cannot be null");
    }
}
