package dev.hallpass.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus alerting rules ({@code docs/alerts/hallpass-rules.yml}) are valid and do what their
 * rule unit tests say (promtool from Debian's {@code prometheus} package; {@code .ci/run} installs it), and
 * every Hallpass series they use is one the README documents as exported.
 */
class PrometheusRulesTest {

    static final Path RULES = Path.of("docs/alerts/hallpass-rules.yml");
    static final Path RULE_TESTS = Path.of("docs/alerts/hallpass-rules.test.yml");

    @Test
    void theRulesAreValid() throws Exception {
        promtool("check", "rules", RULES.toString());
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        promtool("test", "rules", RULE_TESTS.toString());
    }

    @Test
    void everySeriesTheRulesUseIsDocumentedAsExported() throws IOException {
        Set<String> used = names(Files.readString(RULES));
        String readme = Files.readString(Path.of("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String series : used) {
            String base = series.replaceAll("_(bucket|count|sum|max|mean)$", "");
            if (!readme.contains("`" + series + "`") && !readme.contains("`" + base + "`")) {
                missing.add(series);
            }
        }
        assertTrue(used.size() >= 8, "found " + used);
        assertEquals(Set.of(), missing, "series in the rules but not in the README's metrics table");
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\bhallpass_[a-z_]+\\b").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static void promtool(String... arguments) throws Exception {
        Path promtool = List.of(Path.of("/usr/bin/promtool"), Path.of("/usr/local/bin/promtool")).stream()
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("promtool not found: install Debian's prometheus package "
                        + "(apt-get install prometheus; .ci/run does it when missing)"));
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
    }
}
