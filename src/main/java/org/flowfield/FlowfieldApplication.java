package org.flowfield;

import org.flowfield.cli.TrainCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Flowfield. {@code train …} runs one training from the command line without the server;
 * anything else starts the application.
 */
@SpringBootApplication
public class FlowfieldApplication {

    public static void main(String[] args) {
        if (args.length > 0 && TrainCommand.NAME.equals(args[0])) {
            System.exit(new TrainCommand(System.out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(FlowfieldApplication.class, args);
    }
}
