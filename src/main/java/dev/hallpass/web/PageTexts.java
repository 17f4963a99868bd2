package dev.hallpass.web;

import dev.hallpass.language.Languages;
import dev.hallpass.language.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The sentences of the Faces pages, {@code dev/hallpass/web/pages.properties} and its translations, in
 * the view's language (Faces chooses it from {@code Accept-Language} with the {@code <locale-config>} of
 * {@code faces-config.xml}). Pages read plain sentences as {@code #{text['key']}} (the same bundle, named
 * in {@code faces-config.xml}) and sentences with values as {@code #{texts.format('key', value)}};
 * backing beans through {@link #get}.
 */
@Named("texts")
@ApplicationScoped
public class PageTexts {

    static final Texts TEXTS = new Texts("dev.hallpass.web.pages");

    /** The sentence under {@code key} with its arguments ({@code {0}}, {@code {1}}, …), for a page. */
    public String format(String key, Object... arguments) {
        return get(key, arguments);
    }

    /** The sentence under {@code key} with its arguments, in the current view's language. */
    public static String get(String key, Object... arguments) {
        return TEXTS.get(locale(), key, arguments);
    }

    static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null) {
            return Languages.ENGLISH;
        }
        UIViewRoot view = context.getViewRoot();
        return view != null && view.getLocale() != null ? view.getLocale()
                : context.getApplication().getViewHandler().calculateLocale(context);
    }
}
