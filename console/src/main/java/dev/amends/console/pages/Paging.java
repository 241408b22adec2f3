package dev.amends.console.pages;

import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list, {@code page} counting from 1, with how many there are in all. Lists page on
 * the service ({@link #ofPage}); {@link #of} pages a short list the service answered whole.
 */
public record Paging<T>(List<T> items, int page, int pages, int total) {

    public static final int SIZE = 25;

    public static <T> Paging<T> of(List<T> all, Integer page) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int current = page == null ? 1 : Math.min(Math.max(1, page), pages);
        int from = (current - 1) * SIZE;
        return new Paging<>(all.subList(from, Math.min(all.size(), from + SIZE)), current, pages, all.size());
    }

    /** The page the service answered, of {@code total} in all. */
    public static <T> Paging<T> ofPage(List<T> items, int page, long total) {
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        return new Paging<>(items, page, pages, (int) total);
    }

    /** How many in all, as the service's X-Total-Count header says. */
    public static long total(RestResponse<?> answer) {
        return Long.parseLong(answer.getHeaderString("X-Total-Count"));
    }

    /** The page asked for, from 1; nonsense reads as the first. */
    public static int number(Integer page) {
        return page == null || page < 1 ? 1 : page;
    }

    /** Where the page starts in the whole list. */
    public static int offset(int page) {
        return (page - 1) * SIZE;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
