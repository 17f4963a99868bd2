package dev.hallpass.session.control;

/** The order of the console's session table; the handle breaks ties so that pages never overlap. */
public record SessionSort(Column column, boolean ascending) {

    public enum Column { USER, IP, DEVICE, CREATED, LAST_SEEN, IDLE_EXPIRY, ABSOLUTE_EXPIRY, NODE }

    /** Most recently active first: what an operator looks at first. */
    public static final SessionSort DEFAULT = new SessionSort(Column.LAST_SEEN, false);

    public SessionSort {
        if (column == null) {
            throw new IllegalArgumentException("sort column is required");
        }
    }
}
