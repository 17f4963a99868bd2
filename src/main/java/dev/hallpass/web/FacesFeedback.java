package dev.hallpass.web;

import dev.hallpass.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Console and self-service actions report to the page: a problem the user caused (bad input, wrong
 * password, unknown account) becomes a message next to the form, never an error page.
 */
public final class FacesFeedback {

    private FacesFeedback() {
    }

    /** Runs the action; returns whether it went through (if not, the page shows why). */
    public static boolean attempt(Runnable action) {
        return result(() -> {
            action.run();
            return true;
        }).isPresent();
    }

    /** The action's result, or empty when it did not go through (the page then shows why, in its language). */
    public static <T> Optional<T> result(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (ProblemException problem) {
            Locale locale = PageTexts.locale();
            add(FacesMessage.SEVERITY_ERROR, problem.title(locale), problem.fieldProblems().isEmpty() ? problem.detail(locale)
                    : problem.fieldProblems().stream().map(p -> p.field() + " " + p.reason(locale)).collect(Collectors.joining("; ")));
        } catch (WebApplicationException refused) {
            add(FacesMessage.SEVERITY_ERROR, refused.getResponse().getStatusInfo().getReasonPhrase(), refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            add(FacesMessage.SEVERITY_ERROR, PageTexts.get("feedback.not-accepted"), invalid.getMessage());
        }
        return Optional.empty();
    }

    /**
     * A message of the pages' bundle: summary {@code key.summary}, detail {@code key.detail} with the
     * arguments.
     */
    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, PageTexts.get(key + ".summary"), PageTexts.get(key + ".detail", arguments));
    }

    /** Like {@link #info}, as an error. */
    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, PageTexts.get(key + ".summary"), PageTexts.get(key + ".detail", arguments));
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
