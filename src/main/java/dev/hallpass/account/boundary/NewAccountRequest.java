package dev.hallpass.account.boundary;

import dev.hallpass.account.control.Roles;
import dev.hallpass.account.control.Usernames;
import dev.hallpass.problem.FieldProblem;
import dev.hallpass.problem.Fields;
import dev.hallpass.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/admin/accounts}. */
public record NewAccountRequest(String username, String password, List<String> roles) {

    /** Checks every field and reports all that are wrong at once. */
    public NewAccount toCommand() {
        List<FieldProblem> problems = new ArrayList<>();
        String name = collect(problems, () -> Usernames.parse(username));
        Set<String> parsedRoles = collect(problems, () -> Roles.parse(roles));
        if (password == null || password.isEmpty()) {
            problems.add(FieldProblem.of("password", "required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new NewAccount(name, password, parsedRoles);
    }

    private static <T> T collect(List<FieldProblem> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }

    static NewAccountRequest require(NewAccountRequest body) {
        return Fields.requireBody(body);
    }

    @Override
    public String toString() {
        return "NewAccountRequest[username=" + username + ", roles=" + roles + "]";
    }
}
