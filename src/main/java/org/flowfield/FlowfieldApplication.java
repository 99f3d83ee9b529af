package org.flowfield;

import org.flowfield.cli.TrainCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Flowfield. {@code train …} runs one training from the command line without the server;
 * anything else starts the application, unless the build cannot serve its front end (status 1).
 */
@SpringBootApplication
public class FlowfieldApplication {

    public static void main(String[] args) {
        if (args.length > 0 && TrainCommand.NAME.equals(args[0])) {
            System.exit(new TrainCommand(System.out, System.err).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        FrontEnd.missingFrom(FlowfieldApplication.class.getClassLoader()).ifPresent(problem -> {
            System.err.println(problem);
            System.exit(1);
        });
        SpringApplication.run(FlowfieldApplication.class, args);
    }
}
