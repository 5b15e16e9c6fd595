package uk.gov.spendingcontrol.common.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.IdempotencyKeys;

/**
 * {@code Idempotency-Key} on the POSTs that create (CONVENTIONS: "a repeat returns the first result; the same key with a
 * different body is rejected"), the same way in every service.
 *
 * <p>A resource hands its create to {@link #create}: without a key it simply runs. With one, in one transaction: the
 * caller's key for that operation is locked (so that two retries racing each other run one after the other), an earlier
 * answer with the same request is answered again (same status, {@code Location}, {@code ETag} and body, plus
 * {@code Idempotent-Replayed: true}); with another request it is a 422 naming the header; else the create runs and its
 * answer is stored in the same transaction, so that a create and its key commit or roll back together. Refusals (4xx)
 * are not stored: they wrote nothing, and the corrected request may be sent with the same key.
 *
 * <p>A key belongs to one caller (the token's user or client) and one operation, and is honoured for
 * {@value #HOURS} hours.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String REPLAYED = "Idempotent-Replayed";
    static final int HOURS = 24;

    private final EntityManager em;
    private final AdvisoryLocks locks;
    private final Caller caller;
    private final ObjectMapper json;

    public IdempotentRequests(EntityManager em, AdvisoryLocks locks, Caller caller, ObjectMapper json) {
        this.em = em;
        this.locks = locks;
        this.caller = caller;
        this.json = json;
    }

    /**
     * Runs {@code create} once per key: {@code operation} names the endpoint (such as {@code "POST /api/v1/joint-bids"}
     * or with the path's ids), {@code request} is what identifies the request (its body, as parsed).
     */
    @Transactional
    public Response create(HttpHeaders headers, String operation, Object request, Supplier<Response> create) {
        Optional<String> key = IdempotencyKeys.of(headers);
        if (key.isEmpty()) {
            return create.get();
        }
        String who = caller.name();
        locks.lock("idempotency", who + "\n" + operation + "\n" + key.get());
        String hash = hash(operation, request);
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery("SELECT request_hash, status, location, etag, body"
                        + " FROM idempotent_request WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3"
                        + " AND created_at > clock_timestamp() - make_interval(hours => ?4)")
                .setParameter(1, who).setParameter(2, operation).setParameter(3, key.get()).setParameter(4, HOURS)
                .getResultList();
        if (!earlier.isEmpty()) {
            return replay(earlier.get(0), hash);
        }
        Response answer = create.get();
        if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
            em.createNativeQuery("INSERT INTO idempotent_request (caller, operation, idempotency_key, request_hash,"
                            + " status, location, etag, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            + " ON CONFLICT (caller, operation, idempotency_key) DO UPDATE SET"
                            + " request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,"
                            + " location = EXCLUDED.location, etag = EXCLUDED.etag, body = EXCLUDED.body,"
                            + " created_at = clock_timestamp()")
                    .setParameter(1, who).setParameter(2, operation).setParameter(3, key.get())
                    .setParameter(4, hash).setParameter(5, answer.getStatus())
                    .setParameter(6, answer.getLocation() == null ? null : answer.getLocation().toString())
                    .setParameter(7, answer.getHeaderString(HttpHeaders.ETAG))
                    .setParameter(8, answer.hasEntity() ? write(answer.getEntity()) : null)
                    .executeUpdate();
        }
        return answer;
    }

    private Response replay(Object[] row, String hash) {
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for another request: use a new key for a new request",
                    List.of(new FieldProblem(IdempotencyKeys.HEADER, "was used for another request")));
        }
        Response.ResponseBuilder r = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            r.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            r.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            r.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return r.build();
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
