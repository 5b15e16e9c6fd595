package uk.gov.spendingcontrol.odp.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The published revisions of plans (table {@code plan_revision}), frozen: each holds the plan as the API showed it when
 * it was published, as JSON. Written once, never changed.
 */
@ApplicationScoped
public class PlanRevisions {

    /** A published revision. */
    public record Revision(UUID planId, int revision, String reason, PlanView content, String publishedBy,
            OffsetDateTime publishedAt) {
    }

    private static final String COLUMNS = "plan_id, revision, reason, content::text, published_by, published_at";

    static final int CACHED = 500;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final java.util.concurrent.ConcurrentHashMap<String, Revision> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    public PlanRevisions(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Stores a revision; false when it was already stored (by a concurrent backfill). */
    public boolean store(PlanView content, String reason) {
        String json;
        try {
            json = mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plan_revision (plan_id, revision, reason,"
                    + " content, published_by, published_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                s.setObject(1, content.id());
                s.setInt(2, content.revision());
                s.setString(3, reason);
                s.setString(4, json);
                s.setString(5, content.publishedBy());
                s.setObject(6, content.publishedAt());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * A published revision. Revisions never change, so the ones read are kept in memory (at most {@value #CACHED}; the
     * cache is emptied when full): a published plan is read far more often than it is published.
     */
    public Optional<Revision> find(UUID planId, int revision) {
        String key = planId + "/" + revision;
        Revision cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Revision> r = query("SELECT " + COLUMNS + " FROM plan_revision WHERE plan_id = ? AND revision = ?",
                planId, revision);
        r.stream().findFirst().ifPresent(found -> {
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(key, found);
        });
        return r.stream().findFirst();
    }

    /** The revision in force at an instant: the newest published at or before it. */
    public Optional<Revision> asAt(UUID planId, OffsetDateTime at) {
        return query("SELECT " + COLUMNS + " FROM plan_revision WHERE plan_id = ? AND published_at <= ?"
                + " ORDER BY revision DESC LIMIT 1", planId, at).stream().findFirst();
    }

    /** Every published revision of a plan, oldest first. */
    public List<Revision> all(UUID planId) {
        return query("SELECT " + COLUMNS + " FROM plan_revision WHERE plan_id = ? ORDER BY revision", planId);
    }

    /** The ids of published plans that have no stored revision yet (plans published before revisions existed). */
    public List<UUID> missing() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.id FROM outcome_delivery_plan p"
                    + " WHERE p.published_revision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_revision r"
                    + " WHERE r.plan_id = p.id AND r.revision = p.published_revision)");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getObject(1, UUID.class));
                }
            }
            return out;
        });
    }

    private List<Revision> query(String sql, Object... args) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Revision> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Revision(r.getObject(1, UUID.class), r.getInt(2), r.getString(3),
                                read(r.getString(4)), r.getString(5), r.getObject(6, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    private PlanView read(String json) throws SQLException {
        try {
            return mapper.readValue(json, PlanView.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("plan_revision content is not a plan", e);
        }
    }
}
