package newslens.app;

/** Runs a newslens command line in the test JVM (Main.main would exit the JVM). */
public final class MainRunner {
    private MainRunner() {}

    public static int run(String... args) {
        return Main.run(CommandLine.parse(args));
    }
}
