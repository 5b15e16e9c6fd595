package uk.gov.spendingcontrol.odp.metricdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.IdempotencyKeys;
import uk.gov.spendingcontrol.odp.metrics.Metric;
import uk.gov.spendingcontrol.odp.metrics.MetricFeed;
import uk.gov.spendingcontrol.odp.metrics.MetricRepository;

/**
 * Submissions of metric data points: validate every point, then (no fatal finding) write them all in one transaction,
 * with one {@code MetricChanged} event per metric touched. A department's submissions are serialised by an advisory
 * lock, so that versions of a period are numbered without gaps or clashes.
 */
@ApplicationScoped
public class DataSubmissionService {

    private static final Logger LOG = Logger.getLogger(DataSubmissionService.class);

    private final DataPointStore store;
    private final MetricRepository metrics;
    private final MetricFeed metricFeed;
    private final AdvisoryLocks locks;
    private final Caller caller;

    public DataSubmissionService(DataPointStore store, MetricRepository metrics, MetricFeed metricFeed,
            AdvisoryLocks locks, Caller caller) {
        this.store = store;
        this.metrics = metrics;
        this.metricFeed = metricFeed;
        this.locks = locks;
        this.caller = caller;
    }

    /** The result: the report, and whether it answers an earlier request with the same Idempotency-Key. */
    public record Submitted(SubmissionView report, boolean replayed) {
    }

    @Transactional
    public Optional<Submitted> replay(String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        return store.byKey(caller.requireDepartment(), key).map(s -> replayOf(s, hash));
    }

    @Transactional
    public Submitted submit(ParsedPoints parsed, String key, String hash) {
        long t0 = System.nanoTime();
        String department = caller.requireDepartment();
        if (key != null) {
            locks.lock("metric-data-key", department + ":" + key);
            Optional<DataPointStore.Submission> earlier = store.byKey(department, key);
            if (earlier.isPresent()) {
                return replayOf(earlier.get(), hash);
            }
        }
        locks.lock("metric-data", department);
        Map<UUID, DataPointValidator.MetricRef> own = store.metricsOf(department);
        Set<UUID> named = new LinkedHashSet<>();
        for (int i = 0; i < parsed.size; i++) {
            UUID id = parse(parsed.metric[i]);
            if (id != null && own.containsKey(id)) {
                named.add(id);
            }
        }
        Map<String, Integer> latest = store.latestVersions(named);
        DataPointValidator.Point[] points = DataPointValidator.validate(parsed, own, latest,
                LocalDate.now(ZoneOffset.UTC));
        DataFindings findings = parsed.findings;
        if (findings.hasFatal()) {
            throw findings.rejection(422);
        }
        long t1 = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        DataPointStore.Submission s = new DataPointStore.Submission(UUID.randomUUID(), department,
                parsed.format.name(), parsed.size, findings.warnings().size(), key, hash, caller.name(), now);
        store.insert(s);
        store.points(s.id(), points, latest);
        store.warnings(s.id(), findings.warnings());
        long t2 = System.nanoTime();
        // read only: the events' views need them, nothing changes them (and the flushes skip them)
        List<Metric> touched = metrics.find("id in ?1", named)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list();
        metricFeed.changed(touched);
        long t3 = System.nanoTime();
        LOG.infof("Data submission %s accepted: %s, %d points for %d metrics, %d warnings; validate %d ms,"
                + " write %d ms, events %d ms", s.id(), department, parsed.size, named.size(),
                findings.warnings().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        List<DataFinding> listed = findings.warnings().size() <= DataRejectedException.LISTED ? findings.warnings()
                : findings.warnings().subList(0, DataRejectedException.LISTED);
        return new Submitted(new SubmissionView(s.id(), department, s.format(), s.pointCount(), s.warningCount(),
                new TreeMap<>(findings.warningCounts()), List.copyOf(listed), List.copyOf(named), s.submittedBy(),
                s.submittedAt()), false);
    }

    /** A submission: its department's, or any for central roles; else not found. */
    @Transactional
    public SubmissionView get(UUID id) {
        DataPointStore.Submission s = store.byId(id).filter(x -> caller.mayRead(x.department()))
                .orElseThrow(() -> ProblemException.notFound("Data submission", id));
        return report(s);
    }

    private Submitted replayOf(DataPointStore.Submission s, String hash) {
        if (!s.requestHash().equals(hash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "The Idempotency-Key was used for another request (submission " + s.id() + "): use a new key for"
                            + " new data", List.of(new FieldProblem(IdempotencyKeys.HEADER,
                            "was used for another request")));
        }
        return new Submitted(report(s), true);
    }

    private SubmissionView report(DataPointStore.Submission s) {
        List<DataFinding> warnings = store.warningsOf(s.id(), DataRejectedException.LISTED);
        Map<String, Integer> counts = new TreeMap<>();
        if (s.warningCount() <= DataRejectedException.LISTED) {
            warnings.forEach(w -> counts.merge(w.ruleId(), 1, Integer::sum));
        } else {
            store.warningsOf(s.id(), s.warningCount()).forEach(w -> counts.merge(w.ruleId(), 1, Integer::sum));
        }
        return new SubmissionView(s.id(), s.department(), s.format(), s.pointCount(), s.warningCount(), counts,
                warnings, store.metricsOf(s.id()), s.submittedBy(), s.submittedAt());
    }

    private static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
