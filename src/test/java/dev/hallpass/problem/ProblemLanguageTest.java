package dev.hallpass.problem;

import static dev.hallpass.language.Languages.ENGLISH;
import static dev.hallpass.language.Languages.SIMPLIFIED_CHINESE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A problem is put into words when it is shown: the same problem in English and in Simplified Chinese. */
class ProblemLanguageTest {

    @Test
    void aRefusedFieldIsDescribedInTheReadersLanguageWithItsNameAndCodesUnchanged() {
        InvalidInput refused = new InvalidInput(List.of(FieldProblem.of("password", "password-too-short", 12),
                FieldProblem.of("roles", "required")));
        Problem english = Problem.of(refused, ENGLISH);
        Problem chinese = Problem.of(refused, SIMPLIFIED_CHINESE);
        assertAll(
                () -> assertEquals("Invalid request", english.title()),
                () -> assertEquals("password: must be at least 12 characters; roles: is required", english.detail()),
                () -> assertEquals("请求无效", chinese.title()),
                () -> assertEquals("password: 至少需要 12 个字符; roles: 为必填项", chinese.detail()),
                () -> assertEquals(List.of(new Problem.InvalidField("password", "至少需要 12 个字符"),
                        new Problem.InvalidField("roles", "为必填项")), chinese.errors()),
                () -> assertEquals("about:blank", chinese.type()),
                () -> assertEquals(400, chinese.status()),
                () -> assertEquals(english.detail(), refused.getMessage(), "logs read English"));
    }

    @Test
    void kindsAndStatusTitlesAreTranslated() {
        assertAll(
                () -> assertEquals("Not logged in", new Unauthenticated().title(ENGLISH)),
                () -> assertEquals("未登录", new Unauthenticated().title(SIMPLIFIED_CHINESE)),
                () -> assertEquals("此请求需要有效的会话", new Unauthenticated().detail(SIMPLIFIED_CHINESE)),
                () -> assertEquals("No account named bob", new NotFound("not-found.account", "bob").detail(ENGLISH)),
                () -> assertEquals("没有名为 bob 的账号", new NotFound("not-found.account", "bob").detail(SIMPLIFIED_CHINESE)),
                () -> assertEquals("未找到", new NotFound("not-found.account", "bob").title(SIMPLIFIED_CHINESE)),
                () -> assertEquals("Forbidden", new Forbidden("forbidden.wrong-password").title(ENGLISH)),
                () -> assertEquals("密码不正确", new Forbidden("forbidden.wrong-password").detail(SIMPLIFIED_CHINESE)));
    }

    @Test
    void aStatusTheBundleDoesNotNameIsTitledByItsReasonPhrase() {
        ProblemException teapot = ProblemException.ofStatus(418, null);
        assertEquals("Error 418", teapot.title(SIMPLIFIED_CHINESE));
        assertEquals(null, teapot.detail(ENGLISH));
        assertEquals("Not Found", ProblemException.ofStatus(404, "detail.nothing-here").title(ENGLISH));
        assertEquals("此路径下没有任何内容", ProblemException.ofStatus(404, "detail.nothing-here").detail(SIMPLIFIED_CHINESE));
    }
}
