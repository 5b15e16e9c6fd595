package uk.gov.spendingcontrol.odp.crosscutting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.UniqueViolations;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.OutcomeIds;
import uk.gov.spendingcontrol.common.web.Versions;
import uk.gov.spendingcontrol.odp.crosscutting.CrossCuttingOutcomeView.ContributionEvent;
import uk.gov.spendingcontrol.odp.crosscutting.CrossCuttingOutcomeView.ContributionView;
import uk.gov.spendingcontrol.odp.metrics.Metric;
import uk.gov.spendingcontrol.odp.metrics.MetricDefinitions;
import uk.gov.spendingcontrol.odp.metrics.MetricFeed;
import uk.gov.spendingcontrol.odp.metrics.MetricRepository;

/**
 * The register of cross-cutting outcomes. The lead department or the Cabinet Office registers an outcome, changes it
 * and adds or removes contributors; each contributor writes only its own part (summary, programmes, metrics).
 */
@ApplicationScoped
public class CrossCuttingOutcomeService {

    public static final String OUTCOME = "CrossCuttingOutcome";
    public static final String CONTRIBUTION = "Contribution";
    public static final String OUTCOME_CHANGED = "CrossCuttingOutcomeChanged";
    public static final String CONTRIBUTION_CHANGED = "ContributionChanged";
    public static final String CONTRIBUTION_REMOVED = "ContributionRemoved";
    private static final String WHAT = "Cross-cutting outcome";

    private final CrossCuttingOutcomeRepository outcomes;
    private final MetricRepository metrics;
    private final MetricFeed metricFeed;
    private final ChangeFeed feed;
    private final Caller caller;

    public CrossCuttingOutcomeService(CrossCuttingOutcomeRepository outcomes, MetricRepository metrics,
            MetricFeed metricFeed, ChangeFeed feed, Caller caller) {
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.metricFeed = metricFeed;
        this.feed = feed;
        this.caller = caller;
    }

    @Transactional
    public CrossCuttingOutcomeView register(CrossCuttingOutcomeRequest r) {
        String lead;
        if (caller.hasRole(Roles.CABINET_OFFICE_ADMIN)) {
            if (r.leadDepartment() == null) {
                throw ProblemException.invalid("leadDepartment", "is required: name the department that leads it");
            }
            lead = r.leadDepartment();
        } else {
            lead = caller.requireDepartment();
            if (r.leadDepartment() != null && !r.leadDepartment().equals(lead)) {
                throw ProblemException.invalid("leadDepartment", "must be your own department " + lead
                        + " (or left out): only the Cabinet Office registers an outcome that another department leads");
            }
        }
        if (outcomes.findByIdOptional(r.id()).isPresent()) {
            throw duplicate(r.id());
        }
        OffsetDateTime now = now();
        CrossCuttingOutcome o = new CrossCuttingOutcome();
        o.id = r.id();
        o.title = r.title().trim();
        o.description = blankToNull(r.description());
        o.leadDepartment = lead;
        o.status = CrossCuttingOutcome.Status.ACTIVE;
        o.createdBy = caller.name();
        o.createdAt = now;
        o.updatedBy = o.createdBy;
        o.updatedAt = now;
        Set<String> departments = new LinkedHashSet<>();
        departments.add(lead);
        if (r.contributors() != null) {
            departments.addAll(r.contributors());
        }
        for (String d : departments) {
            o.contributions.add(newContribution(o, d, now));
        }
        try {
            outcomes.persistAndFlush(o);
        } catch (PersistenceException e) {
            if (UniqueViolations.violates(e, "cross_cutting_outcome_pkey")) {
                throw duplicate(r.id());
            }
            throw e;
        }
        outcomeChanged(o, List.of());
        for (Contribution c : o.contributions) {
            contributionChanged(c);
        }
        return view(o);
    }

    /** Outcomes read whole, a page of them. */
    @Transactional
    public List<CrossCuttingOutcomeView> listWhole(String department, String status, PageRequest page) {
        return outcomesPage(department, status, page).stream().map(this::view).toList();
    }

    /** The public register, a page of it. */
    @Transactional
    public List<CrossCuttingOutcomeSummary> listRegister(String department, String status, PageRequest page) {
        return outcomesPage(department, status, page).stream().map(CrossCuttingOutcomeSummary::of).toList();
    }

    private List<CrossCuttingOutcome> outcomesPage(String department, String status, PageRequest page) {
        String d = department == null || department.isBlank() ? null : department.trim().toUpperCase(Locale.ROOT);
        String after = page.after();
        if (after != null && !OutcomeIds.isValid(after)) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
        return outcomes.page(d, EnumParameter.parse(CrossCuttingOutcome.Status.class, "status", status), after,
                page.limit() + 1);
    }

    @Transactional
    public CrossCuttingOutcomeView get(String id) {
        return view(find(id));
    }

    @Transactional
    public CrossCuttingOutcomeSummary summary(String id) {
        return CrossCuttingOutcomeSummary.of(find(id));
    }

    /** Title, description and status: the lead department's editors or the Cabinet Office. */
    @Transactional
    public CrossCuttingOutcomeView update(String id, String ifMatch, CrossCuttingOutcomeUpdate r) {
        int read = Versions.required(ifMatch);
        CrossCuttingOutcome o = find(id);
        requireLeadOrCabinetOffice(o);
        Versions.check(WHAT + " " + id, read, o.version);
        o.title = r.title().trim();
        o.description = blankToNull(r.description());
        o.status = r.status();
        touch(o);
        outcomes.flush();
        outcomeChanged(o, List.of());
        return view(o);
    }

    /** Adds a contributor (or brings a removed one back, with its part as it was): the lead or the Cabinet Office. */
    @Transactional
    public CrossCuttingOutcomeView addContributor(String id, String department, String ifMatch) {
        int read = Versions.required(ifMatch);
        String d = departmentCode(department);
        CrossCuttingOutcome o = find(id);
        requireLeadOrCabinetOffice(o);
        Versions.check(WHAT + " " + id, read, o.version);
        Contribution c = o.contribution(d).orElse(null);
        if (c != null && c.removedAt == null) {
            throw ProblemException.conflict(d + " already contributes to " + id);
        }
        OffsetDateTime now = now();
        if (c == null) {
            c = newContribution(o, d, now);
            o.contributions.add(c);
        } else {
            c.removedAt = null;
            c.updatedBy = caller.name();
            c.updatedAt = now;
        }
        touch(o);
        outcomes.flush();
        outcomeChanged(o, List.of());
        contributionChanged(c);
        return view(o);
    }

    /**
     * Removes a contributor: the lead or the Cabinet Office; the lead itself cannot be removed. The part is kept (its
     * metrics and their data stay readable by id) and comes back if the department is added again.
     */
    @Transactional
    public CrossCuttingOutcomeView removeContributor(String id, String department, String ifMatch) {
        int read = Versions.required(ifMatch);
        String d = departmentCode(department);
        CrossCuttingOutcome o = find(id);
        requireLeadOrCabinetOffice(o);
        Versions.check(WHAT + " " + id, read, o.version);
        Contribution c = o.contribution(d).filter(x -> x.removedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Contributor of " + id, d));
        if (d.equals(o.leadDepartment)) {
            throw ProblemException.conflict(d + " leads " + id + " and cannot be removed from it");
        }
        List<String> before = o.contributorCodes();
        c.removedAt = now();
        c.updatedBy = caller.name();
        c.updatedAt = c.removedAt;
        touch(o);
        outcomes.flush();
        outcomeChanged(o, List.of(d));
        feed.append(CONTRIBUTION_REMOVED, CONTRIBUTION, c.aggregateId(), before,
                java.util.Map.of("outcomeId", o.id, "department", d), caller.name());
        return view(o);
    }

    /** A contributor writes its own part, and only its own: summary, programmes, metrics. */
    @Transactional
    public ContributionView writeContribution(String id, String department, String ifMatch, ContributionRequest r) {
        int read = Versions.required(ifMatch);
        String d = departmentCode(department);
        List<FieldProblem> problems = new ArrayList<>();
        MetricDefinitions.check(r.metrics(), "metrics", problems);
        if (r.programmes() != null && new java.util.HashSet<>(r.programmes()).size() < r.programmes().size()) {
            problems.add(new FieldProblem("programmes", "names a programme twice", "Duplicate"));
        }
        reject(problems);
        CrossCuttingOutcome o = find(id);
        String own = caller.requireDepartment();
        if (!own.equals(d)) {
            throw ProblemException.forbidden("Only " + d + " writes its own part of " + id + "; you act for " + own);
        }
        Contribution c = o.contribution(d).filter(x -> x.removedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Contribution of " + d + " to", id));
        Versions.check("The contribution of " + d + " to " + id, read, c.version);
        final Contribution parent = c;
        MetricDefinitions.Applied applied = MetricDefinitions.apply(c.metrics, r.metrics(), d, "metrics", () -> {
            Metric m = new Metric();
            m.contribution = parent;
            return m;
        }, problems);
        reject(problems);
        refuseRemovingMetricsWithData(applied.removed());
        c.summary = blankToNull(r.summary());
        c.programmes = r.programmes() == null ? new ArrayList<>() : new ArrayList<>(r.programmes());
        c.metrics.clear();
        c.metrics.addAll(applied.metrics());
        c.updatedBy = caller.name();
        c.updatedAt = now();
        outcomes.flush();
        metricFeed.removed(applied.removed(), o.contributorCodes());
        metricFeed.changed(c.metrics);
        contributionChanged(c);
        return contributionView(c);
    }

    private void refuseRemovingMetricsWithData(List<Metric> removed) {
        if (removed.isEmpty()) {
            return;
        }
        var counts = metrics.pointCounts(removed.stream().map(m -> m.id).toList());
        for (Metric m : removed) {
            if (counts.containsKey(m.id)) {
                throw ProblemException.conflict("The metric '" + m.name + "' (" + m.id + ") has " + counts.get(m.id)
                        + " data point(s) and cannot be removed: keep it in the list");
            }
        }
    }

    private void requireLeadOrCabinetOffice(CrossCuttingOutcome o) {
        if (caller.hasRole(Roles.CABINET_OFFICE_ADMIN)) {
            return;
        }
        String own = caller.requireDepartment();
        if (!own.equals(o.leadDepartment)) {
            throw ProblemException.forbidden("Only the lead department " + o.leadDepartment
                    + " or the Cabinet Office changes " + o.id + " and its contributors");
        }
    }

    private CrossCuttingOutcome find(String id) {
        OutcomeIds.require(id, "id");
        return outcomes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(WHAT, id));
    }

    private Contribution newContribution(CrossCuttingOutcome o, String department, OffsetDateTime now) {
        Contribution c = new Contribution();
        c.outcome = o;
        c.departmentCode = department;
        c.addedBy = caller.name();
        c.addedAt = now;
        c.updatedBy = c.addedBy;
        c.updatedAt = now;
        return c;
    }

    private void outcomeChanged(CrossCuttingOutcome o, List<String> alsoTell) {
        Set<String> departments = new LinkedHashSet<>(o.contributorCodes());
        departments.addAll(alsoTell);
        feed.append(OUTCOME_CHANGED, OUTCOME, o.id, departments, CrossCuttingOutcomeSummary.of(o), caller.name());
    }

    private void contributionChanged(Contribution c) {
        feed.append(CONTRIBUTION_CHANGED, CONTRIBUTION, c.aggregateId(), c.outcome.contributorCodes(),
                ContributionEvent.of(c), caller.name());
    }

    CrossCuttingOutcomeView view(CrossCuttingOutcome o) {
        List<ContributionView> parts = new ArrayList<>();
        for (Contribution c : o.current()) {
            parts.add(contributionView(c));
        }
        return new CrossCuttingOutcomeView(o.id, o.title, o.description, o.leadDepartment, o.contributorCodes(),
                o.status, o.version, parts, o.createdBy, o.createdAt, o.updatedBy, o.updatedAt);
    }

    private ContributionView contributionView(Contribution c) {
        return new ContributionView(c.outcome.id, c.departmentCode, c.summary, List.copyOf(c.programmes),
                metricFeed.views(c.metrics), c.version, c.updatedBy, c.updatedAt);
    }

    private void touch(CrossCuttingOutcome o) {
        o.updatedBy = caller.name();
        // contributors are part of the outcome: adding or removing one is a new version of it (the row is dirty)
        o.updatedAt = now();
    }

    private static String departmentCode(String department) {
        if (department == null || !department.matches(CrossCuttingOutcomeRequest.DEPARTMENT)) {
            throw ProblemException.invalid("department", "must be a department code such as DFE");
        }
        return department;
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() == 1 ? problems.get(0).field() + ": "
                    + problems.get(0).message() : problems.size() + " fields are not valid", problems);
        }
    }

    private static ProblemException duplicate(String id) {
        return ProblemException.conflict("The cross-cutting outcome " + id + " is already registered: choose another id,"
                + " or change that one");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
