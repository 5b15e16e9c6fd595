package uk.gov.spendingcontrol.common.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Answers that carry a versioned object and its {@code ETag} (its version, such as {@code "3"}): every read of a
 * versioned object, and the answer of every successful create or update. The rule is in
 * {@link uk.gov.spendingcontrol.common.web.Versions}.
 */
public final class ETags {

    private ETags() {
    }

    /** 200 with the object and its ETag. */
    public static Response ok(Object entity, int version) {
        return tagged(Response.ok(entity), version).build();
    }

    /** 201 with the object, its Location and its ETag. */
    public static Response created(URI location, Object entity, int version) {
        return tagged(Response.created(location).entity(entity), version).build();
    }

    /** Adds the ETag of a version to an answer being built. */
    public static Response.ResponseBuilder tagged(Response.ResponseBuilder response, int version) {
        return response.tag(new EntityTag(Integer.toString(version)));
    }
}
