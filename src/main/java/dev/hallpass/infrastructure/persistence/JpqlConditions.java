package dev.hallpass.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code where} clause of a search with optional filters, and the parameters it binds. */
final class JpqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition}, which names {@code :name}, bound to {@code value}. */
    JpqlConditions and(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    JpqlConditions bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** {@code select + from + where… + order}, typed and bound. */
    <T> TypedQuery<T> query(EntityManager em, String selectFrom, String order, Class<T> type) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> typed = em.createQuery(selectFrom + where + order, type);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    /** A {@code like … escape '!'} pattern that matches what starts with {@code text}. */
    static String startingWith(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
