package dev.hallpass.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** A response: status, headers and body, with the JSON and cookie views tests need. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The body as a JSON array of objects. */
    public List<JsonObject> jsonList() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public List<SetCookie> setCookies() {
        return headers.allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
    }

    public Optional<SetCookie> setCookie(String name) {
        return setCookies().stream().filter(cookie -> cookie.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
