package dev.hallpass.testsupport;

/** Ending what a test class started (servers, Redis, databases), each even if another fails to stop. */
public final class Cleanup {

    private Cleanup() {
    }

    /** Closes each resource in order; nulls (never started) are skipped, failures reported and passed over. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + resource + ": " + e);
            }
        }
    }
}
