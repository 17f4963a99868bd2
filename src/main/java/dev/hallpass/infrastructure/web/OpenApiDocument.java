package dev.hallpass.infrastructure.web;

import dev.hallpass.problem.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document the server generates from the JAX-RS resources ({@code /openapi},
 * named in {@code mp.openapi.filter}): title and description, the two ways to authenticate, and the
 * {@code application/problem+json} body of every error, declared once and referenced by every
 * operation's 4xx and 5xx answers.
 */
public class OpenApiDocument implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo()
                .title("Hallpass")
                .version("1")
                .description("Cookie sessions, JWT access tokens and rotating refresh tokens for one login. "
                        + "Browsers authenticate with the __Host-hallpass session cookie (state-changing requests "
                        + "must be same-origin); API clients with an access token as a bearer header. Every error is "
                        + "application/problem+json (RFC 9457)."));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        components.addSecurityScheme("sessionCookie", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("__Host-hallpass")
                .description("The session cookie set by POST /api/auth/login"));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from POST /api/auth/token or /api/auth/refresh (keys at /.well-known/jwks.json)"));
        openAPI.components(components);
        openAPI.security(List.of(
                OASFactory.createSecurityRequirement().addScheme("sessionCookie"),
                OASFactory.createSecurityRequirement().addScheme("bearer")));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(OpenApiDocument::withProblems);
                }
            });
        }
    }

    private static void withProblems(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        for (Map.Entry<String, String> error : Map.of(
                "4XX", "Refused: bad input (400, with the fields named), not logged in (401), not allowed (403), "
                        + "not found (404), conflict (409), too large (413), too many attempts (429, Retry-After)",
                "5XX", "Failed on the server (500, with a reference in the log) or a store unavailable (503)").entrySet()) {
            if (responses.getAPIResponse(error.getKey()) == null) {
                responses.addAPIResponse(error.getKey(), problemResponse(error.getValue()));
            }
        }
        operation.responses(responses);
    }

    private static APIResponse problemResponse(String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema problemSchema() {
        return typed(Schema.SchemaType.OBJECT)
                .description("An error (RFC 9457 problem details)")
                .addProperty("type", string("A URI naming the kind of problem (about:blank when the status says it all)"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", typed(Schema.SchemaType.INTEGER).description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("error", string("OAuth error code where one applies (invalid_grant, invalid_token, …)"))
                .addProperty("errors", typed(Schema.SchemaType.ARRAY)
                        .description("For invalid input: each field refused and why")
                        .items(typed(Schema.SchemaType.OBJECT)
                                .addProperty("field", string("The field, query parameter or form field"))
                                .addProperty("reason", string("Why it was refused"))))
                .required(List.of("title", "status"));
    }

    /**
     * A schema of one type, on MicroProfile OpenAPI 3.1 ({@code type(SchemaType)}, Payara 6) and 4.0
     * ({@code addType(SchemaType)}, WildFly 35) alike: calling the one this server lacks fails the deployment.
     */
    private static Schema typed(Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema();
        for (String setter : new String[] {"type", "addType"}) {
            try {
                Schema.class.getMethod(setter, Schema.SchemaType.class).invoke(schema, type);
                return schema;
            } catch (NoSuchMethodException notThisVersion) {
                // the other version's name
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not set the schema type " + type, e);
            }
        }
        return schema;
    }

    private static Schema string(String description) {
        return typed(Schema.SchemaType.STRING).description(description);
    }
}
