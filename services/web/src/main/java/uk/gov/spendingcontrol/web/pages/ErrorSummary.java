package uk.gov.spendingcontrol.web.pages;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a form, for a GOV.UK error summary at the top of the page (each linked to its field) and the error
 * message beside each field.
 */
@TemplateData
public class ErrorSummary {

    /** One error: the id of the field it concerns and what to do. */
    @TemplateData
    public record Item(String field, String message) {
    }

    private final List<Item> items = new ArrayList<>();
    private String detail = "";

    public static ErrorSummary none() {
        return new ErrorSummary();
    }

    public void add(String field, String message) {
        items.add(new Item(field, message));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Item> getItems() {
        return items;
    }

    /** The first error of a field ("" when none): the message shown beside it. */
    public String of(String field) {
        return items.stream().filter(i -> i.field().equals(field)).map(Item::message).findFirst().orElse("");
    }

    /** How many errors concern a field. */
    public int count(String field) {
        return (int) items.stream().filter(i -> i.field().equals(field)).count();
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail == null ? "" : detail;
    }
}
