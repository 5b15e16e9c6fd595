package uk.gov.spendingcontrol.reporting.readmodel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies one source's events to the read models. Every write is a keyed upsert of the whole state the event carries,
 * so applying an event again changes nothing. Types it does not know are skipped (the position still advances).
 */
public interface Projection {

    /** The service whose feed this projection reads. */
    String source();

    /** Applies one event (the feed's JSON: type, departments, payload...) inside the caller's transaction. */
    void apply(JsonNode event, Touched touched);
}
