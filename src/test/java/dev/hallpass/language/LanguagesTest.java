package dev.hallpass.language;

import static dev.hallpass.language.Languages.ENGLISH;
import static dev.hallpass.language.Languages.SIMPLIFIED_CHINESE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh", "zh-Hans-CN", "zh-Hans", "zh-TW", "zh-CN,zh;q=0.9,en;q=0.8", "ZH-cn"})
    void anyChineseChoosesSimplifiedChinese(String header) {
        assertEquals(SIMPLIFIED_CHINESE, Languages.choose(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "fr", "fr-FR,de;q=0.8", "*", "en-GB,zh;q=0.5", "not a language!!", ";;;"})
    void englishOrALanguageHallpassDoesNotSpeakChoosesEnglish(String header) {
        assertEquals(ENGLISH, Languages.choose(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noHeaderChoosesEnglish(String header) {
        assertEquals(ENGLISH, Languages.choose(header));
    }

    @Test
    void theFirstSupportedLanguageByWeightWinsNotTheFirstWritten() {
        assertEquals(SIMPLIFIED_CHINESE, Languages.choose("fr, zh;q=0.5, en;q=0.4"));
        assertEquals(SIMPLIFIED_CHINESE, Languages.choose("en;q=0.5, zh-CN;q=0.9"));
        assertEquals(ENGLISH, Languages.choose("zh;q=0.3, en;q=0.7"));
    }

    @Test
    void aLanguageRefusedWithQZeroIsNeverChosen() {
        assertEquals(ENGLISH, Languages.choose("zh;q=0, fr"));
    }

    @Test
    void chosenLanguagesAreTheSupportedOnes() {
        assertEquals(Locale.forLanguageTag("zh-CN"), Languages.choose("zh"));
        assertEquals("zh-CN", Languages.choose("zh").toLanguageTag());
        assertEquals("en", Languages.choose("en-US").toLanguageTag());
    }
}
