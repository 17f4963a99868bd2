package dev.hallpass.session.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginPageTest {

    static final List<String> SHOP = List.of("https://shop.example.com", "http://127.0.0.1:9000");

    @Test
    void pathsOfHallpassAndUrlsOfTheListedApplicationsAreFollowedBack() {
        assertEquals("/admin/sessions.xhtml?q=1", LoginPage.next("/admin/sessions.xhtml?q=1", "/home", SHOP));
        assertEquals("https://shop.example.com/cart?x=1", LoginPage.next("https://shop.example.com/cart?x=1", "/home", SHOP));
        assertEquals("HTTPS://SHOP.example.com/", LoginPage.next("HTTPS://SHOP.example.com/", "/home", SHOP), "origins compare case-blind");
        assertEquals("http://127.0.0.1:9000/shop/page", LoginPage.next("http://127.0.0.1:9000/shop/page", "/home", SHOP));
    }

    @Test
    void everythingElseGoesHome() {
        for (String next : new String[] {
            "https://evil.example.com/", "https://shop.example.com.evil.com/", "https://shop.example.com@evil.com/",
            "https://evil.com\\@shop.example.com/", "//evil.example.com/", "/\\evil.example.com", "http://shop.example.com/",
            "https://shop.example.com:8443/", "http://127.0.0.1:9001/", "javascript:alert(1)", "ftp://shop.example.com/",
            "https://shop.example.com/\r\nSet-Cookie: x=y", "", "https://shop.example.com/" + "a".repeat(1000)}) {
            assertEquals("/home", LoginPage.next(next, "/home", SHOP), next);
        }
        assertEquals("/home", LoginPage.next(null, "/home", SHOP));
        assertEquals("/home", LoginPage.next("https://shop.example.com/", "/home", List.of()), "no origins listed: paths only");
    }
}
