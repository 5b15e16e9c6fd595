package uk.gov.spendingcontrol.web.errors;

/** A page that cannot be shown: rendered as a GOV.UK error page with the given status, title and explanation. */
public class PageException extends RuntimeException {

    private final int status;
    private final String title;

    public PageException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
