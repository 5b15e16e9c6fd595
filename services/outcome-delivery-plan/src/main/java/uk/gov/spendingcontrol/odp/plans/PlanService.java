package uk.gov.spendingcontrol.odp.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.UniqueViolations;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.Versions;
import uk.gov.spendingcontrol.odp.crosscutting.CrossCuttingOutcomeRepository;
import uk.gov.spendingcontrol.odp.metrics.LatestPoint;
import uk.gov.spendingcontrol.odp.metrics.Metric;
import uk.gov.spendingcontrol.odp.metrics.MetricDefinitions;
import uk.gov.spendingcontrol.odp.metrics.MetricFeed;
import uk.gov.spendingcontrol.odp.metrics.MetricRepository;
import uk.gov.spendingcontrol.odp.metrics.MetricView;
import uk.gov.spendingcontrol.odp.plans.PlanRepository.After;
import uk.gov.spendingcontrol.odp.plans.PlanRepository.Visibility;
import uk.gov.spendingcontrol.odp.plans.PlanRevisions.Revision;

/**
 * Outcome Delivery Plans: drafted and submitted by their department's editors, published by those whom
 * {@code odp.publish.roles} names, then frozen; a correction is a new revision with a reason, and every published
 * revision stays readable. Every change appends its events to the service's change feed in the same transaction.
 */
@ApplicationScoped
public class PlanService {

    public static final String AGGREGATE_TYPE = "Plan";
    public static final String CHANGED = "PlanChanged";

    private static final String WHAT = "Outcome Delivery Plan";

    private final PlanRepository plans;
    private final PlanRevisions revisions;
    private final MetricRepository metrics;
    private final MetricFeed metricFeed;
    private final CrossCuttingOutcomeRepository crossCutting;
    private final ChangeFeed feed;
    private final Caller caller;
    private final Set<String> publishRoles;

    public PlanService(PlanRepository plans, PlanRevisions revisions, MetricRepository metrics, MetricFeed metricFeed,
            CrossCuttingOutcomeRepository crossCutting, ChangeFeed feed, Caller caller,
            @ConfigProperty(name = "odp.publish.roles", defaultValue = "treasury-spending,cabinet-office-admin")
            List<String> publishRoles) {
        this.plans = plans;
        this.revisions = revisions;
        this.metrics = metrics;
        this.metricFeed = metricFeed;
        this.crossCutting = crossCutting;
        this.feed = feed;
        this.caller = caller;
        this.publishRoles = Set.copyOf(publishRoles);
    }

    /** A new draft plan for the caller's department. */
    @Transactional
    public PlanView create(NewPlanRequest request) {
        String department = caller.requireDepartment();
        FinancialYear.parse(request.financialYear(), "financialYear");
        PlanRules.rejectIfAny(PlanRules.checkContent(request.priorityOutcomes()));
        checkReferences(request.priorityOutcomes());
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
        return recorded(p, List.of(), true);
    }

    /** The plans the caller may read, filtered, a page at a time. */
    @Transactional
    public List<Plan> list(String department, String financialYear, String status, PageRequest page) {
        Visibility visibility = caller.isCentral() ? new Visibility(true, null)
                : new Visibility(false, caller.department().orElse(null));
        return plans.page(visibility, upper(department), year(financialYear), status(status), after(page),
                page.limit() + 1);
    }

    /**
     * A plan: its current state for its own department and central roles; for another department, its newest
     * published revision (another department never sees a draft).
     */
    @Transactional
    public PlanView get(UUID id) {
        Plan p = plans.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (caller.mayRead(p.departmentCode)) {
            return view(p);
        }
        if (p.publishedRevision == null) {
            throw notFound(id);
        }
        return live(revision(p, p.publishedRevision).content());
    }

    /**
     * Replaces the content of a draft plan of the caller's department, if it is still at the version the caller read
     * (If-Match): 428 without it, 412 when stale.
     */
    @Transactional
    public PlanView update(UUID id, String ifMatch, PlanUpdateRequest request) {
        int read = Versions.required(ifMatch);
        PlanRules.rejectIfAny(PlanRules.checkContent(request.priorityOutcomes()));
        Plan p = own(id);
        requireStatus(p, PlanStatus.DRAFT, "changed");
        Versions.check("The plan", read, p.version);
        checkReferences(request.priorityOutcomes());
        List<Metric> before = allMetrics(p);
        Set<UUID> outcomesBefore = new HashSet<>();
        p.outcomes.forEach(o -> outcomesBefore.add(o.id));
        applyContent(p, request.title(), request.summary(), request.priorityOutcomes(), request.strategicEnablers());
        Set<UUID> kept = new HashSet<>();
        allMetrics(p).forEach(m -> kept.add(m.id));
        List<Metric> removed = before.stream().filter(m -> !kept.contains(m.id)).toList();
        refuseRemovingMetricsWithData(removed);
        Set<UUID> outcomesKept = new HashSet<>();
        p.outcomes.forEach(o -> outcomesKept.add(o.id));
        outcomesBefore.removeAll(outcomesKept);
        refuseRemovingEvaluatedOutcomes(outcomesBefore);
        p.updatedBy = caller.name();
        p.updatedAt = now();
        plans.flush();
        return recorded(p, removed, true);
    }

    /** The department's editor submits a complete draft for publication. */
    @Transactional
    public PlanView submit(UUID id, String ifMatch) {
        int read = Versions.required(ifMatch);
        Plan p = own(id);
        requireStatus(p, PlanStatus.DRAFT, "submitted");
        Versions.check("The plan", read, p.version);
        requireComplete(p);
        OffsetDateTime now = now();
        p.status = PlanStatus.SUBMITTED;
        p.submittedBy = caller.name();
        p.submittedAt = now;
        p.updatedBy = p.submittedBy;
        p.updatedAt = now;
        plans.flush();
        return recorded(p, List.of(), false);
    }

    /**
     * A submitted plan goes back to draft: its department's editor withdraws it, or a publisher returns it for more
     * work.
     */
    @Transactional
    public PlanView returnToDraft(UUID id, String ifMatch) {
        int read = Versions.required(ifMatch);
        Plan p = plans.findByIdOptional(id).filter(x -> caller.mayRead(x.departmentCode))
                .orElseThrow(() -> notFound(id));
        boolean ownEditor = caller.hasRole(Roles.DEPARTMENT_EDITOR)
                && caller.department().map(p.departmentCode::equals).orElse(false);
        if (!ownEditor && !mayPublish(p)) {
            throw ProblemException.forbidden("Only " + p.departmentCode + "'s editors or those who publish plans ("
                    + String.join(", ", publishRoles) + ") return a submitted plan to draft");
        }
        requireStatus(p, PlanStatus.SUBMITTED, "returned to draft");
        Versions.check("The plan", read, p.version);
        p.status = PlanStatus.DRAFT;
        p.submittedBy = null;
        p.submittedAt = null;
        p.updatedBy = caller.name();
        p.updatedAt = now();
        plans.flush();
        return recorded(p, List.of(), false);
    }

    /**
     * Publishes a submitted plan: its current revision is frozen, public and stored for ever. Who may publish is
     * {@code odp.publish.roles}; a department's editor (when listed) publishes only its own department's plans.
     */
    @Transactional
    public PlanView publish(UUID id, String ifMatch) {
        int read = Versions.required(ifMatch);
        Plan p = plans.findByIdOptional(id).filter(x -> caller.mayRead(x.departmentCode))
                .orElseThrow(() -> notFound(id));
        if (!mayPublish(p)) {
            throw ProblemException.forbidden("Plans are published by " + String.join(", ", publishRoles)
                    + (publishRoles.contains(Roles.DEPARTMENT_EDITOR) ? " (a department's editors: their own plans)"
                    : "") + " (odp.publish.roles)");
        }
        requireStatus(p, PlanStatus.SUBMITTED, "published");
        Versions.check("The plan", read, p.version);
        requireComplete(p);
        OffsetDateTime now = now();
        p.status = PlanStatus.PUBLISHED;
        p.publishedRevision = p.revision;
        p.publishedTitle = p.title;
        p.publishedBy = caller.name();
        p.publishedAt = now;
        p.updatedBy = p.publishedBy;
        p.updatedAt = now;
        plans.flush();
        PlanView view = view(p);
        revisions.store(view, p.revisionReason);
        appendPlanChanged(p, caller.name());
        return view;
    }

    /**
     * Starts a correction of a published plan: a new revision, a draft with the published content and the reason
     * given. The published revisions stay as they are, readable by everyone.
     */
    @Transactional
    public PlanView revise(UUID id, String ifMatch, RevisionRequest request) {
        int read = Versions.required(ifMatch);
        Plan p = own(id);
        requireStatus(p, PlanStatus.PUBLISHED, "corrected");
        Versions.check("The plan", read, p.version);
        p.status = PlanStatus.DRAFT;
        p.revision = p.revision + 1;
        p.revisionReason = request.reason().trim();
        p.submittedBy = null;
        p.submittedAt = null;
        p.updatedBy = caller.name();
        p.updatedAt = now();
        plans.flush();
        return recorded(p, List.of(), false);
    }

    /** Published plans, for everyone. */
    @Transactional
    public List<Plan> listPublished(String department, String financialYear, PageRequest page) {
        return plans.page(Visibility.PUBLIC, upper(department), year(financialYear), null, after(page),
                page.limit() + 1);
    }

    /** The newest published revision of a plan, for everyone, with today's data; a plan never published is not found. */
    @Transactional
    public PublishedPlanView getPublished(UUID id) {
        Plan p = published(id);
        return PublishedPlanView.of(live(revision(p, p.publishedRevision).content()), p.publishedRevision);
    }

    /** One published revision, by number. */
    @Transactional
    public PublishedPlanView getPublishedRevision(UUID id, int revision) {
        Plan p = published(id);
        Revision r = revisions.find(id, revision)
                .orElseThrow(() -> ProblemException.notFound("Published revision of plan " + id, revision));
        return PublishedPlanView.of(live(r.content()), p.publishedRevision);
    }

    /** The revision that was in force at the end of a day (UTC). */
    @Transactional
    public PublishedPlanView getPublishedAsAt(UUID id, LocalDate date) {
        Plan p = published(id);
        Revision r = revisions.asAt(id, date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "Plan " + id
                        + " had no published revision on " + date + ": its first was published on "
                        + revisions.all(id).get(0).publishedAt().toLocalDate()));
        return PublishedPlanView.of(live(r.content()), p.publishedRevision);
    }

    /** The published revisions of a plan, oldest first. */
    @Transactional
    public List<RevisionSummaryView> publishedRevisions(UUID id) {
        published(id);
        return revisions.all(id).stream().map(RevisionSummaryView::of).toList();
    }

    /** What changed between two published revisions, in words. */
    @Transactional
    public PlanDiff.View diff(UUID id, Integer from, Integer to) {
        Plan p = published(id);
        int t = to == null ? p.publishedRevision : to;
        int f = from == null ? t - 1 : from;
        if (f < 1 || t < 1) {
            throw ProblemException.invalid(f < 1 ? "from" : "to", "must be a published revision number, 1 or more");
        }
        if (f >= t) {
            throw ProblemException.invalid("from", "must be an earlier revision than 'to' (" + t + ")");
        }
        Revision a = revisions.find(id, f)
                .orElseThrow(() -> ProblemException.notFound("Published revision of plan " + id, f));
        Revision b = revisions.find(id, t)
                .orElseThrow(() -> ProblemException.notFound("Published revision of plan " + id, t));
        return PlanDiff.between(a, b);
    }

    /** A plan in a list, as the caller may see it (another department's: its newest published revision). */
    PlanSummaryView summary(Plan p) {
        return caller.mayRead(p.departmentCode) ? PlanSummaryView.of(p) : PlanSummaryView.published(p);
    }

    /** The cursor key of a plan in a list. */
    static String cursorKey(Plan p) {
        return p.financialYear + "|" + p.departmentCode;
    }

    /** The plan with its metrics' data and status. */
    PlanView view(Plan p) {
        Map<UUID, MetricView> views = new HashMap<>();
        List<Metric> all = allMetrics(p);
        List<MetricView> list = metricFeed.views(all);
        for (int i = 0; i < all.size(); i++) {
            views.put(all.get(i).id, list.get(i));
        }
        return PlanView.of(p, views);
    }

    /** A published revision's content with today's data and status of its metrics. */
    private PlanView live(PlanView content) {
        List<MetricView> published = content.metrics();
        Map<UUID, LatestPoint> latest = metricFeed.latest(published.stream().map(MetricView::id).toList());
        Map<UUID, MetricView> views = new HashMap<>();
        metricFeed.withLiveData(published, latest).forEach(v -> views.put(v.id(), v));
        return content.withMetrics(views);
    }

    private Revision revision(Plan p, int n) {
        return revisions.find(p.id, n).orElseThrow(() -> new IllegalStateException(
                "Plan " + p.id + " has no stored revision " + n));
    }

    private Plan published(UUID id) {
        return plans.findByIdOptional(id).filter(p -> p.publishedRevision != null).orElseThrow(() -> notFound(id));
    }

    private boolean mayPublish(Plan p) {
        for (String role : publishRoles) {
            if (!caller.hasRole(role)) {
                continue;
            }
            if (!role.equals(Roles.DEPARTMENT_EDITOR)
                    || caller.department().map(p.departmentCode::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** A plan of the caller's own department (another department's: 404 if it may not read it, else 403). */
    private Plan own(UUID id) {
        Plan p = plans.findByIdOptional(id).filter(x -> x.publishedRevision != null || caller.mayRead(x.departmentCode))
                .orElseThrow(() -> notFound(id));
        String own = caller.requireDepartment();
        if (!own.equals(p.departmentCode)) {
            throw ProblemException.forbidden("Only " + p.departmentCode + " changes its own Outcome Delivery Plan");
        }
        return p;
    }

    private static void requireStatus(Plan p, PlanStatus wanted, String what) {
        if (p.status == wanted) {
            return;
        }
        String why = switch (p.status) {
            case PUBLISHED -> "revision " + p.revision + " was published on " + p.publishedAt.toLocalDate()
                    + " and can no longer be changed: start a correction (POST .../revisions) with a reason";
            case SUBMITTED -> "it was submitted for publication on " + p.submittedAt.toLocalDate()
                    + ": return it to draft first";
            case DRAFT -> "it is a draft: submit it first";
        };
        throw ProblemException.conflict("The plan cannot be " + what + ": " + why);
    }

    private static void requireComplete(Plan p) {
        List<FieldProblem> missing = PlanRules.checkPublishable(p);
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("plan-incomplete", "The plan cannot be published yet",
                    "The plan is not complete: " + missing.get(0).field() + " " + missing.get(0).message()
                            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""), missing);
        }
    }

    /** A cross-cutting outcome named by a priority outcome is in the register. */
    private void checkReferences(List<PriorityOutcomeRequest> outcomes) {
        if (outcomes == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String ref = outcomes.get(i).crossCuttingOutcomeId();
            if (ref != null && crossCutting.findByIdOptional(ref).isEmpty()) {
                problems.add(new FieldProblem("priorityOutcomes[" + i + "].crossCuttingOutcomeId",
                        "'" + ref + "' is not in the register of cross-cutting outcomes", "UnknownOutcome"));
            }
        }
        PlanRules.rejectIfAny(problems);
    }

    private void refuseRemovingMetricsWithData(List<Metric> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Map<UUID, Long> counts = metrics.pointCounts(removed.stream().map(m -> m.id).toList());
        for (Metric m : removed) {
            if (counts.containsKey(m.id)) {
                throw ProblemException.conflict("The metric '" + m.name + "' (" + m.id + ") has " + counts.get(m.id)
                        + " data point(s) and cannot be removed: keep it, with its id, in its outcome");
            }
        }
    }

    private void refuseRemovingEvaluatedOutcomes(Set<UUID> removedOutcomes) {
        if (removedOutcomes.isEmpty()) {
            return;
        }
        long n = plans.getEntityManager().createQuery("select count(e) from Evaluation e where e.priorityOutcomeId in"
                + " :ids", Long.class).setParameter("ids", removedOutcomes).getSingleResult();
        if (n > 0) {
            throw ProblemException.conflict("A priority outcome that would be removed has " + n + " evaluation plan(s):"
                    + " keep it, with its id, or move its evaluations first");
        }
    }

    private PlanView recorded(Plan p, List<Metric> removed, boolean metricsChanged) {
        plans.flush();
        PlanView view = view(p);
        metricFeed.removed(removed, List.of(p.departmentCode));
        if (metricsChanged) {
            metricFeed.changed(allMetrics(p));
        }
        appendPlanChanged(p, caller.name());
        return view;
    }

    void appendPlanChanged(Plan p, String recordedBy) {
        feed.append(CHANGED, AGGREGATE_TYPE, p.id.toString(), List.of(p.departmentCode), PlanEvent.of(p), recordedBy);
    }

    static List<Metric> allMetrics(Plan p) {
        List<Metric> all = new ArrayList<>();
        p.outcomes.forEach(o -> all.addAll(o.metrics));
        return all;
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
        List<MetricDefinitions.Applied> applied = new ArrayList<>();
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
            final PriorityOutcome parent = o;
            applied.add(MetricDefinitions.apply(o.metrics, r.metrics(), p.departmentCode, at + ".metrics", () -> {
                Metric m = new Metric();
                m.outcome = parent;
                return m;
            }, problems));
            merged.add(o);
        }
        PlanRules.rejectIfAny(problems);
        for (int i = 0; i < merged.size(); i++) {
            PriorityOutcome o = merged.get(i);
            PriorityOutcomeRequest r = wanted.get(i);
            o.sortOrder = i;
            o.title = r.title().trim();
            o.description = blankToNull(r.description());
            o.crossCuttingOutcomeId = r.crossCuttingOutcomeId();
            o.metrics.clear();
            o.metrics.addAll(applied.get(i).metrics());
        }
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
            e.owner = commitments.get(i).owner().trim();
            e.dueDate = commitments.get(i).dueDate();
            p.enablers.add(e);
        }
    }

    private static ProblemException duplicate(String department, String financialYear) {
        return ProblemException.conflict(department + " already has an Outcome Delivery Plan for " + financialYear
                + ": change that one instead");
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(WHAT, id);
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
