package dev.hallpass.admin;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table over a server-side search: the table asks for the exact count and one page,
 * sorted by the column the user clicked (its field name), nothing more is ever loaded.
 */
final class PagedTable<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Sorting by a table field, {@code null} field for the page's default order. */
    interface PageQuery<T> extends Serializable {
        List<T> page(int offset, int limit, String sortField, boolean ascending);
    }

    interface Count extends LongSupplier, Serializable {
    }

    interface RowKey<T> extends Function<T, String>, Serializable {
    }

    private final Count count;
    private final PageQuery<T> query;
    private final RowKey<T> rowKey;
    private List<T> lastPage = List.of();

    PagedTable(Count count, PageQuery<T> query, RowKey<T> rowKey) {
        this.count = count;
        this.query = query;
        this.rowKey = rowKey;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.getAsLong());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Optional<SortMeta> sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst();
        // a record component is sorted by as #{row.name()}: the field comes as "name()"
        lastPage = query.page(first, pageSize, sort.map(s -> s.getField().replace("()", "")).orElse(null),
                sort.map(s -> s.getOrder() == SortOrder.ASCENDING).orElse(false));
        return lastPage;
    }

    @Override
    public String getRowKey(T row) {
        return rowKey.apply(row);
    }

    @Override
    public T getRowData(String key) {
        return lastPage.stream().filter(row -> rowKey.apply(row).equals(key)).findFirst().orElse(null);
    }
}
