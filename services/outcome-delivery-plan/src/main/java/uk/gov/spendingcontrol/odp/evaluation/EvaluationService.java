package uk.gov.spendingcontrol.odp.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.Versions;

/** Evaluation plans: a department writes its own; its users and central roles read them. */
@ApplicationScoped
public class EvaluationService {

    public static final String AGGREGATE_TYPE = "Evaluation";
    public static final String CHANGED = "EvaluationChanged";

    private final EvaluationRepository evaluations;
    private final EntityManager em;
    private final ChangeFeed feed;
    private final Caller caller;

    public EvaluationService(EvaluationRepository evaluations, EntityManager em, ChangeFeed feed, Caller caller) {
        this.evaluations = evaluations;
        this.em = em;
        this.feed = feed;
        this.caller = caller;
    }

    @Transactional
    public EvaluationView create(EvaluationRequest r) {
        String department = caller.requireDepartment();
        check(r, department);
        Evaluation e = new Evaluation();
        e.departmentCode = department;
        e.createdBy = caller.name();
        e.createdAt = now();
        apply(e, r);
        evaluations.persistAndFlush(e);
        return recorded(e);
    }

    @Transactional
    public EvaluationView update(UUID id, String ifMatch, EvaluationRequest r) {
        int read = Versions.required(ifMatch);
        Evaluation e = readable(id);
        String own = caller.requireDepartment();
        if (!own.equals(e.departmentCode)) {
            throw ProblemException.forbidden("Only " + e.departmentCode + " changes its own evaluations");
        }
        Versions.check("Evaluation " + id, read, e.version);
        check(r, own);
        apply(e, r);
        evaluations.flush();
        return recorded(e);
    }

    @Transactional
    public EvaluationView get(UUID id) {
        return EvaluationView.of(readable(id));
    }

    @Transactional
    public List<EvaluationView> list(String department, PageRequest page) {
        UUID after = null;
        if (page.after() != null) {
            try {
                after = UUID.fromString(page.after());
            } catch (IllegalArgumentException ex) {
                throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
            }
        }
        return evaluations.page(caller.departmentScope(department), after, page.limit() + 1).stream()
                .map(EvaluationView::of).toList();
    }

    private Evaluation readable(UUID id) {
        return evaluations.findByIdOptional(id).filter(e -> caller.mayRead(e.departmentCode))
                .orElseThrow(() -> ProblemException.notFound("Evaluation", id));
    }

    /** One subject, the department's own; dates in order; a published evaluation links its report. */
    private void check(EvaluationRequest r, String department) {
        List<FieldProblem> problems = new ArrayList<>();
        int subjects = (r.priorityOutcomeId() == null ? 0 : 1) + (r.crossCuttingOutcomeId() == null ? 0 : 1)
                + (r.programme() == null ? 0 : 1);
        if (subjects != 1) {
            problems.add(new FieldProblem("priorityOutcomeId", "name exactly one of priorityOutcomeId,"
                    + " crossCuttingOutcomeId and programme: what is evaluated", "OneSubject"));
        }
        if (r.priorityOutcomeId() != null && em.createQuery("select count(o) from PriorityOutcome o where o.id = :id"
                + " and o.plan.departmentCode = :d", Long.class).setParameter("id", r.priorityOutcomeId())
                .setParameter("d", department).getSingleResult() == 0) {
            problems.add(new FieldProblem("priorityOutcomeId", "is not a priority outcome of your department's"
                    + " plans", "UnknownId"));
        }
        if (r.crossCuttingOutcomeId() != null && em.createQuery("select count(c) from Contribution c where"
                + " c.outcome.id = :id and c.departmentCode = :d and c.removedAt is null", Long.class)
                .setParameter("id", r.crossCuttingOutcomeId()).setParameter("d", department).getSingleResult() == 0) {
            problems.add(new FieldProblem("crossCuttingOutcomeId", "is not a cross-cutting outcome your department"
                    + " contributes to", "UnknownOutcome"));
        }
        if (r.endDate().isBefore(r.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before the start date " + r.startDate(),
                    "DateOrder"));
        }
        if (r.status() == Evaluation.Status.PUBLISHED && r.reportUrl() == null) {
            problems.add(new FieldProblem("reportUrl", "is required once the evaluation is PUBLISHED: link the"
                    + " published report", "Required"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() == 1 ? problems.get(0).field() + ": "
                    + problems.get(0).message() : problems.size() + " fields are not valid", problems);
        }
    }

    private void apply(Evaluation e, EvaluationRequest r) {
        e.priorityOutcomeId = r.priorityOutcomeId();
        e.crossCuttingOutcomeId = r.crossCuttingOutcomeId();
        e.programme = r.programme();
        e.title = r.title().trim();
        e.question = r.question().trim();
        e.method = r.method();
        e.startDate = r.startDate();
        e.endDate = r.endDate();
        e.status = r.status();
        e.findings = r.findings() == null || r.findings().isBlank() ? null : r.findings().trim();
        e.reportUrl = r.reportUrl();
        e.updatedBy = caller.name();
        e.updatedAt = now();
    }

    private EvaluationView recorded(Evaluation e) {
        evaluations.flush();
        EvaluationView v = EvaluationView.of(e);
        feed.append(CHANGED, AGGREGATE_TYPE, e.id.toString(), List.of(e.departmentCode), v, caller.name());
        return v;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
