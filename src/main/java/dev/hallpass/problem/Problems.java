package dev.hallpass.problem;

import dev.hallpass.language.Languages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes problems, from JAX-RS and from plain servlet code (filters, the error page) alike, in the
 * language the request's {@code Accept-Language} chooses ({@link Languages}), named in {@code Content-Language}.
 */
public final class Problems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private Problems() {
    }

    public static Response response(ProblemException e, HttpHeaders headers) {
        Locale locale = Languages.choose(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(e, locale);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).entity(JSON.toJson(problem)).build();
    }

    /** The problem+json body of {@code e} in {@code locale}, for code that writes it itself. */
    public static String json(ProblemException e, Locale locale) {
        return JSON.toJson(Problem.of(e, locale));
    }

    /** A sentence of the problems bundle that is not a problem's (the links of the error page). */
    public static String text(Locale locale, String key) {
        return ProblemTexts.TEXTS.get(locale, key);
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemException e) throws IOException {
        Locale locale = Languages.choose(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problem.of(e, locale);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getWriter().write(JSON.toJson(problem));
    }
}
