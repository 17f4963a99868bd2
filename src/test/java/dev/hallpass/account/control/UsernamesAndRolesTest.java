package dev.hallpass.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hallpass.problem.InvalidInput;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsernamesAndRolesTest {

    @Test
    void usernamesAreTrimmedAndLowerCased() {
        assertEquals("alice@example.com", Usernames.parse("  Alice@Example.COM "));
    }

    @Test
    void badUsernamesNameTheField() {
        for (String bad : new String[] {null, "", "ab", "-leading", "with space", "a".repeat(65), "semi;colon"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> Usernames.parse(bad), String.valueOf(bad));
            assertEquals("username", e.fieldProblems().get(0).field());
        }
    }

    @Test
    void rolesDefaultToUserAndKeepTheirOrder() {
        assertEquals(Set.of("user"), Roles.parse(null));
        assertEquals(List.of("admin", "auditor"), List.copyOf(Roles.parse(List.of("admin", "auditor", "admin"))));
        assertEquals(Set.of(), Roles.parse(List.of()));
    }

    @Test
    void badRolesAreRefused() {
        assertThrows(InvalidInput.class, () -> Roles.parse(List.of("Admin")));
        assertThrows(InvalidInput.class, () -> Roles.parse(Collections.singletonList(null)));
        assertThrows(InvalidInput.class, () -> Roles.parse(Collections.nCopies(Roles.MAX_ROLES + 1, "r")));
    }

    @Test
    void passwordsMustBeLongEnoughCountingCharactersNotBytes() {
        PasswordPolicy policy = new PasswordPolicy(12);

        assertEquals("twelve chars", policy.check("twelve chars"));
        assertThrows(InvalidInput.class, () -> policy.check("eleven char"));
        assertThrows(InvalidInput.class, () -> policy.check("😀".repeat(11)));
        assertThrows(InvalidInput.class, () -> policy.check("x".repeat(PasswordPolicy.MAX_LENGTH + 1)));
    }

    /** Review L9: a password built around the user name, one repeated character or a leaked favourite is refused. */
    @Test
    void thePolicyRefusesTheUserNameRepeatsAndTheMostCommonPasswords() {
        PasswordPolicy policy = new PasswordPolicy(12);
        assertThrows(InvalidInput.class, () -> policy.check("bob123456789", "bob123456789"));
        assertThrows(InvalidInput.class, () -> policy.check("my name is Grace Hopper!", "gracehopper"));
        assertThrows(InvalidInput.class, () -> policy.check("aaaaaaaaaaaaaaaa", "grace"));
        assertThrows(InvalidInput.class, () -> policy.check("Password 1234", "grace"));
        assertThrows(InvalidInput.class, () -> policy.check("1q2w3e4r5t6y", null));
        assertEquals("plum tree at dawn", policy.check("plum tree at dawn", "grace"));
        assertEquals("long enough for bo", policy.check("long enough for bo", "bo"), "a very short name is no signal");
    }
}
