package newslens.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code COMMAND [--option value]...}, parsed and checked against the options the command knows. */
public record CommandLine(String command, Map<String, String> options) {

    private static final Set<String> VALUE_OPTIONS = Set.of("input", "output", "config", "master", "default-date",
            "topics", "docs", "gold", "conll", "format", "days", "seed", "model-out", "ner-model", "holdout",
            "embeddings-corpus");
    private static final Set<String> FLAGS = Set.of("full", "refit");

    public static CommandLine parse(String[] args) {
        if (args.length == 0) {
            return new CommandLine("help", Map.of());
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> stray = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                stray.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && value == null) {
                options.put(name, "true");
                continue;
            }
            if (!VALUE_OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --input, --output, "
                        + "--config, --master, --default-date, --full, --topics, --refit, --docs, --gold, --conll, "
                        + "--format, --days, --seed, --model-out, --ner-model, --holdout, --embeddings-corpus)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            options.put(name, value);
        }
        if (!stray.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument(s) " + stray + " after command " + args[0]);
        }
        return new CommandLine(args[0], Map.copyOf(options));
    }

    public String option(String name) {
        return options.get(name);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String required(String name, String why) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(command + " needs --" + name + " (" + why + ")");
        }
        return value;
    }

    /** {@code --name N} as a whole number, or {@code defaultValue} when absent. */
    public int intOption(String name, int defaultValue) {
        String value = option(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }

    /** {@code --name PATH}, which must exist. */
    public java.nio.file.Path existing(String name) {
        java.nio.file.Path path = java.nio.file.Path.of(option(name));
        if (!java.nio.file.Files.exists(path)) {
            throw new IllegalArgumentException("--" + name + " " + path + ": no such file or folder");
        }
        return path;
    }

    /** {@code --name PATH}: a local path must exist; one with a scheme (hdfs://, s3a://) is left to Spark. */
    public String existingUnlessRemote(String name) {
        String value = option(name);
        if (!value.contains("://")) {
            existing(name);
        }
        return value;
    }

    /**
     * Runs {@code command} on the parsed arguments and exits the JVM with its status: 2, with the message,
     * for a bad command line or configuration.
     */
    public static void runAndExit(String[] args, java.util.function.ToIntFunction<CommandLine> command) {
        int status;
        try {
            status = command.applyAsInt(parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("newslens: " + e.getMessage());
            System.err.println("Run 'jobs/newslens help' for usage.");
            status = 2;
        }
        System.exit(status);
    }
}
