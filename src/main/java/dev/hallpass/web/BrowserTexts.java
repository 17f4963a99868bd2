package dev.hallpass.web;

import dev.hallpass.language.Languages;
import dev.hallpass.language.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code GET /api/texts}: the sentences of the static pages and their scripts ({@code index.html},
 * {@code demo.html}, {@code texts.js} puts them in), {@code dev/hallpass/web/browser.properties} in the
 * language the request's {@code Accept-Language} chooses: {@code {"language": "zh-CN", "texts": {key: sentence}}}.
 * Open to anyone: the login page needs it before there is a session.
 */
@ApplicationScoped
@Path("texts")
public class BrowserTexts {

    static final Texts TEXTS = new Texts("dev.hallpass.web.browser");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response texts(@Context HttpHeaders headers) {
        Locale locale = Languages.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        ResourceBundle bundle = TEXTS.bundle(locale);
        JsonObjectBuilder texts = Json.createObjectBuilder();
        bundle.keySet().stream().sorted().forEach(key -> texts.add(key, bundle.getString(key)));
        return Response.ok(Json.createObjectBuilder().add("language", locale.toLanguageTag()).add("texts", texts).build())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
