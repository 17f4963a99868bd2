package dev.hallpass.problem;

import dev.hallpass.language.Texts;

/** The problems bundle: every title, detail and field reason a problem shows, English and Simplified Chinese. */
final class ProblemTexts {

    static final Texts TEXTS = new Texts("dev.hallpass.problem.problems");

    private ProblemTexts() {
    }
}
