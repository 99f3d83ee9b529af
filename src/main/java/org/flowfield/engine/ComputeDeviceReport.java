package org.flowfield.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Starts the PyTorch engine when the application starts, so a broken installation fails at once and the log says which device computes. */
@Component
class ComputeDeviceReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ComputeDeviceReport.class);

    @Override
    public void run(ApplicationArguments args) {
        TorchRuntime runtime = TorchRuntime.start(1);
        log.info("Flowfield is ready; training runs on {}. Train from the command line with: "
                + "java -jar target/flowfield-0.1.0-SNAPSHOT.jar train --model nf|fm|cfm", runtime.deviceName());
    }
}
