package io.github.kclogingov.simulator;

import java.nio.file.Path;

/**
 * The standalone simulator's arguments.
 *
 * @param mode overrides the configuration file's mode, when given
 * @param issuer overrides the configuration file's issuer, when given
 * @param bindAddress overrides the configuration file's bind address, when given
 */
record CommandLine(int port, Path config, Mode mode, String issuer, String bindAddress) {
    static final int DEFAULT_PORT = 8081;

    static final String USAGE = """
            Usage: java -jar logingov-simulator-all.jar --config simulator.json [options]
              --config FILE                  service providers, personas, mode (see README.md)
              --port N                       port to listen on (default 8081; 0 = any free port)
              --mode interactive|automatic   persona picker, or sign the auto persona in at once
              --issuer URL                   issuer to advertise (default http://localhost:PORT/)
              --bind ADDRESS                 address to listen on (default 127.0.0.1)""";

    /** Arguments that cannot be understood; the message says which, then how to call. */
    static final class UsageException extends IllegalArgumentException {
        private final String problem;

        UsageException(String problem) {
            super(problem.isEmpty() ? USAGE : problem + "\n" + USAGE);
            this.problem = problem;
        }

        /** True for --help, which is not a mistake. */
        boolean helpAsked() {
            return problem.isEmpty();
        }
    }

    static CommandLine parse(String... args) {
        int port = DEFAULT_PORT;
        Path config = null;
        Mode mode = null;
        String issuer = null;
        String bind = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("Missing a value after " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--config" -> config = Path.of(value);
                    case "--mode" -> mode = Mode.fromConfigValue(value);
                    case "--issuer" -> issuer = value;
                    case "--bind" -> bind = value;
                    default -> throw new UsageException("Unknown option " + option);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("Bad value for " + option + ": " + e.getMessage());
            }
        }
        if (config == null) {
            throw new UsageException("--config is required");
        }
        return new CommandLine(port, config, mode, issuer, bind);
    }
}
