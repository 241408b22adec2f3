package dev.amends.console.pages;

import java.util.List;

/**
 * One page of a list the service answered whole (up to its own limit): {@code page} counts from 1.
 * The complaints list pages by the service's own cursor instead.
 */
public record Paging<T>(List<T> items, int page, int pages, int total) {

    public static final int SIZE = 25;

    public static <T> Paging<T> of(List<T> all, Integer page) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int current = page == null ? 1 : Math.min(Math.max(1, page), pages);
        int from = (current - 1) * SIZE;
        return new Paging<>(all.subList(from, Math.min(all.size(), from + SIZE)), current, pages, all.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
