package dev.hallpass.data.control;

/** Where a document lives: scope, owner (session handle or username) and name. */
public record DataKey(DataScope scope, String owner, String name) {

    /** One string for caches and messages: {@code SESSION|<owner>|<name>} (owners and names hold no {@code |}). */
    public String id() {
        return scope.name() + "|" + owner + "|" + name;
    }
}
