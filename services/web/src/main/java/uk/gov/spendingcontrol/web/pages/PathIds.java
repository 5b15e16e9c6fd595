package uk.gov.spendingcontrol.web.pages;

import java.util.UUID;
import uk.gov.spendingcontrol.web.errors.PageException;

/** Ids in page addresses: anything that is not one is the 404 page, never a call to a service. */
public final class PathIds {

    private PathIds() {
    }

    public static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PageException(404, null, null);
        }
    }
}
