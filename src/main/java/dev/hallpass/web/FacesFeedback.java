package dev.hallpass.web;

import dev.hallpass.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.ws.rs.WebApplicationException;
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

    /** The action's result, or empty when it did not go through (the page then shows why). */
    public static <T> Optional<T> result(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (ProblemException problem) {
            error(problem.title(), problem.fieldProblems().isEmpty() ? problem.getMessage()
                    : problem.fieldProblems().stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; ")));
        } catch (WebApplicationException refused) {
            error(refused.getResponse().getStatusInfo().getReasonPhrase(), refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            error("Not accepted", invalid.getMessage());
        }
        return Optional.empty();
    }

    public static void info(String summary, String detail) {
        add(FacesMessage.SEVERITY_INFO, summary, detail);
    }

    public static void error(String summary, String detail) {
        add(FacesMessage.SEVERITY_ERROR, summary, detail);
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
