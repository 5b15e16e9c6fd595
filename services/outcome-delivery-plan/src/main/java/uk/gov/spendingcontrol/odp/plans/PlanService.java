package uk.gov.spendingcontrol.odp.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.UniqueViolations;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.Versions;
import uk.gov.spendingcontrol.odp.plans.PlanRepository.After;
import uk.gov.spendingcontrol.odp.plans.PlanRepository.Visibility;

/**
 * Outcome Delivery Plans: drafted by their department's editors, published by them, then frozen. Every change appends
 * an event to the service's change feed (outbox) in the same transaction, as its last write.
 */
@ApplicationScoped
public class PlanService {

    public static final String AGGREGATE_TYPE = "OutcomeDeliveryPlan";
    public static final String CREATED = "OutcomeDeliveryPlanCreated";
    public static final String UPDATED = "OutcomeDeliveryPlanUpdated";
    public static final String PUBLISHED = "OutcomeDeliveryPlanPublished";

    private static final String WHAT = "Outcome Delivery Plan";

    private final PlanRepository plans;
    private final ChangeFeed feed;
    private final Caller caller;

    public PlanService(PlanRepository plans, ChangeFeed feed, Caller caller) {
        this.plans = plans;
        this.feed = feed;
        this.caller = caller;
    }

    /** A new draft plan for the caller's department. */
    @Transactional
    public PlanView create(NewPlanRequest request) {
        String department = caller.requireDepartment();
        FinancialYear.parse(request.financialYear(), "financialYear");
        PlanRules.rejectIfAny(PlanRules.checkContent(request.priorityOutcomes()));
        if (plans.exists(department, request.financialYear())) {
            throw duplicate(department, request.financialYear());
        }
        OffsetDateTime now = now();
        Plan p = new Plan();
        p.departmentCode = department;
        p.financialYear = request.financialYear();
        p.status = PlanStatus.DRAFT;
        p.createdBy = caller.name();
        p.createdAt = now;
        p.updatedBy = p.createdBy;
        p.updatedAt = now;
        applyContent(p, request.title(), request.summary(), request.priorityOutcomes(), request.strategicEnablers());
        try {
            plans.persistAndFlush(p);
        } catch (PersistenceException e) {
            if (UniqueViolations.violates(e, "outcome_delivery_plan_department_year")) {
                // another request created the department's plan for the year in the meantime
                throw duplicate(department, request.financialYear());
            }
            throw e;
        }
        return recorded(p, CREATED);
    }

    /** The plans the caller may read, filtered, a page at a time. */
    @Transactional
    public List<Plan> list(String department, String financialYear, String status, PageRequest page) {
        Visibility visibility = caller.isCentral() ? new Visibility(true, null)
                : new Visibility(false, caller.department().orElse(null));
        return plans.page(visibility, upper(department), year(financialYear), status(status), after(page),
                page.limit() + 1);
    }

    @Transactional
    public PlanView get(UUID id) {
        return PlanView.of(readable(id));
    }

    /**
     * Replaces the content of a draft plan of the caller's department, if it is still at the version the caller read
     * (If-Match): 428 without it, 412 when stale.
     */
    @Transactional
    public PlanView update(UUID id, String ifMatch, PlanUpdateRequest request) {
        int read = Versions.required(ifMatch);
        PlanRules.rejectIfAny(PlanRules.checkContent(request.priorityOutcomes()));
        Plan p = editable(id);
        Versions.check("The plan", read, p.version);
        applyContent(p, request.title(), request.summary(), request.priorityOutcomes(), request.strategicEnablers());
        p.updatedBy = caller.name();
        p.updatedAt = now();
        plans.flush();
        return recorded(p, UPDATED);
    }

    /** Publishes a complete draft plan of the caller's department; from then on it is frozen and public. */
    @Transactional
    public PlanView publish(UUID id, String ifMatch) {
        int read = Versions.required(ifMatch);
        Plan p = editable(id);
        Versions.check("The plan", read, p.version);
        List<FieldProblem> missing = PlanRules.checkPublishable(p);
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("plan-incomplete", "The plan cannot be published yet",
                    "The plan is not complete: " + missing.get(0).field() + " " + missing.get(0).message()
                            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""), missing);
        }
        OffsetDateTime now = now();
        p.status = PlanStatus.PUBLISHED;
        p.publishedBy = caller.name();
        p.publishedAt = now;
        p.updatedBy = p.publishedBy;
        p.updatedAt = now;
        plans.flush();
        return recorded(p, PUBLISHED);
    }

    /** Published plans, for everyone. */
    @Transactional
    public List<Plan> listPublished(String department, String financialYear, PageRequest page) {
        return plans.page(Visibility.PUBLIC, upper(department), year(financialYear), null, after(page),
                page.limit() + 1);
    }

    /** A published plan, for everyone; a draft is not found. */
    @Transactional
    public PublishedPlanView getPublished(UUID id) {
        return plans.findByIdOptional(id).filter(Plan::isPublished).map(PublishedPlanView::of)
                .orElseThrow(() -> ProblemException.notFound(WHAT, id));
    }

    /** The cursor key of a plan in a list. */
    static String cursorKey(Plan p) {
        return p.financialYear + "|" + p.departmentCode;
    }

    /** A plan the caller may read: published, their department's, or any for central roles. Else 404. */
    private Plan readable(UUID id) {
        return plans.findByIdOptional(id).filter(p -> p.isPublished() || caller.mayRead(p.departmentCode))
                .orElseThrow(() -> ProblemException.notFound(WHAT, id));
    }

    /** A plan the caller may change: a draft of their own department. */
    private Plan editable(UUID id) {
        Plan p = readable(id);
        String own = caller.requireDepartment();
        if (!own.equals(p.departmentCode)) {
            throw ProblemException.forbidden("Only " + p.departmentCode + " changes its own Outcome Delivery Plan");
        }
        if (p.isPublished()) {
            throw ProblemException.conflict("The plan was published on " + p.publishedAt.toLocalDate()
                    + " and can no longer be changed");
        }
        return p;
    }

    private PlanView recorded(Plan p, String eventType) {
        PlanView view = PlanView.of(p);
        feed.append(eventType, AGGREGATE_TYPE, p.id.toString(), List.of(p.departmentCode), view, caller.name());
        return view;
    }

    /**
     * Sets title, summary, outcomes (with their metrics) and enabler commitments. An outcome or metric that names the
     * id of an existing one is that one, changed; the others are new; existing ones not named are removed.
     */
    private static void applyContent(Plan p, String title, String summary, List<PriorityOutcomeRequest> outcomes,
            List<EnablerCommitmentRequest> enablers) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<UUID, PriorityOutcome> existing = new HashMap<>();
        p.outcomes.forEach(o -> existing.put(o.id, o));
        List<PriorityOutcome> merged = new ArrayList<>();
        List<PriorityOutcomeRequest> wanted = outcomes == null ? List.of() : outcomes;
        for (int i = 0; i < wanted.size(); i++) {
            PriorityOutcomeRequest r = wanted.get(i);
            String at = "priorityOutcomes[" + i + "]";
            PriorityOutcome o;
            if (r.id() == null) {
                o = new PriorityOutcome();
                o.plan = p;
            } else {
                o = existing.get(r.id());
                if (o == null) {
                    problems.add(new FieldProblem(at + ".id", "is not a priority outcome of this plan", "UnknownId"));
                    continue;
                }
            }
            o.sortOrder = i;
            o.title = r.title().trim();
            o.description = blankToNull(r.description());
            o.crossCuttingOutcomeId = r.crossCuttingOutcomeId();
            applyMetrics(o, r.metrics(), at, problems);
            merged.add(o);
        }
        PlanRules.rejectIfAny(problems);
        p.title = title.trim();
        p.summary = blankToNull(summary);
        p.outcomes.clear();
        p.outcomes.addAll(merged);
        p.enablers.clear();
        List<EnablerCommitmentRequest> commitments = enablers == null ? List.of() : enablers;
        for (int i = 0; i < commitments.size(); i++) {
            EnablerCommitment e = new EnablerCommitment();
            e.plan = p;
            e.sortOrder = i;
            e.enabler = commitments.get(i).enabler();
            e.commitment = commitments.get(i).commitment().trim();
            p.enablers.add(e);
        }
    }

    private static void applyMetrics(PriorityOutcome o, List<MetricRequest> metrics, String at,
            List<FieldProblem> problems) {
        Map<UUID, OutcomeMetric> existing = new HashMap<>();
        o.metrics.forEach(m -> existing.put(m.id, m));
        List<OutcomeMetric> merged = new ArrayList<>();
        List<MetricRequest> wanted = metrics == null ? List.of() : metrics;
        for (int j = 0; j < wanted.size(); j++) {
            MetricRequest r = wanted.get(j);
            OutcomeMetric m;
            if (r.id() == null) {
                m = new OutcomeMetric();
                m.outcome = o;
            } else {
                m = existing.get(r.id());
                if (m == null) {
                    problems.add(new FieldProblem(at + ".metrics[" + j + "].id", "is not a metric of this outcome",
                            "UnknownId"));
                    continue;
                }
            }
            m.sortOrder = j;
            m.name = r.name().trim();
            m.unit = r.unit().trim();
            m.baselineValue = r.baselineValue();
            m.baselineDate = r.baselineDate();
            m.targetValue = r.targetValue();
            m.targetDate = r.targetDate();
            merged.add(m);
        }
        if (problems.isEmpty()) {
            o.metrics.clear();
            o.metrics.addAll(merged);
        }
    }

    private static ProblemException duplicate(String department, String financialYear) {
        return ProblemException.conflict(department + " already has an Outcome Delivery Plan for " + financialYear
                + ": change that one instead");
    }

    private static After after(PageRequest page) {
        if (page.after() == null) {
            return null;
        }
        String[] parts = page.after().split("\\|", -1);
        if (parts.length != 2 || !FinancialYear.isValid(parts[0]) || parts[1].isBlank()) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
        return new After(parts[0], parts[1]);
    }

    private static String year(String financialYear) {
        if (financialYear == null || financialYear.isBlank()) {
            return null;
        }
        return FinancialYear.parse(financialYear, "financialYear").toString();
    }

    private static PlanStatus status(String status) {
        return EnumParameter.parse(PlanStatus.class, "status", status);
    }

    private static String upper(String department) {
        return department == null || department.isBlank() ? null : department.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
