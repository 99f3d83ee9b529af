package org.flowfield.queue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The queue's limits from the settings {@code flowfield.queue.slots} (default: what the device
 * affords, see {@link QueueLimits#forDevice}) and {@code flowfield.queue.max-queued-per-user}, as
 * the server starts; an administrator may change them while it runs ({@link CurrentQueueLimits}).
 */
@Configuration
class QueueConfiguration {

    @Bean
    CurrentQueueLimits queueLimits(
            @Value("${flowfield.queue.slots:0}") int slots,
            @Value("${flowfield.queue.max-queued-per-user:" + QueueLimits.DEFAULT_MAX_QUEUED_PER_USER + "}") int maxQueued,
            @Value("${flowfield.queue.gpu:false}") boolean gpu) {
        QueueLimits device = QueueLimits.forDevice(gpu, Runtime.getRuntime().availableProcessors());
        return new CurrentQueueLimits(new QueueLimits(slots > 0 ? slots : device.slots(), maxQueued));
    }
}
