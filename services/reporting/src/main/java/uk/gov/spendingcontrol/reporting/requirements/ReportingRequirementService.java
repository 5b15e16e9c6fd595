package uk.gov.spendingcontrol.reporting.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.UniqueViolations;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.Versions;

@ApplicationScoped
public class ReportingRequirementService {

    /** The aggregate type of this service's change events (docs/change-feeds.md). */
    public static final String AGGREGATE_TYPE = "ReportingRequirement";
    static final Map<ChangeType, String> EVENT_TYPES = Map.of(ChangeType.CREATED, "ReportingRequirementCreated",
            ChangeType.UPDATED, "ReportingRequirementChanged", ChangeType.RETIRED, "ReportingRequirementRetired");

    private final ReportingRequirementRepository requirements;
    private final RequirementVersionRepository versions;
    private final ChangeFeed feed;
    private final Caller caller;
    private final ObjectMapper json;

    public ReportingRequirementService(ReportingRequirementRepository requirements,
            RequirementVersionRepository versions, ChangeFeed feed, Caller caller, ObjectMapper json) {
        this.requirements = requirements;
        this.versions = versions;
        this.feed = feed;
        this.caller = caller;
        this.json = json;
    }

    /** Requirements the caller sees, ordered by code: central roles all, a department those that apply to it. */
    @Transactional
    public List<RequirementView> list(String status, String frequency, PageRequest page) {
        RequirementStatus s = EnumParameter.parse(RequirementStatus.class, "status", status);
        Frequency f = EnumParameter.parse(Frequency.class, "frequency", frequency);
        String department = caller.departmentScope(null);
        return requirements.pageAfter(page.after(), s, f, department, page.limit() + 1).stream()
                .map(RequirementView::of).toList();
    }

    @Transactional
    public RequirementView get(UUID id) {
        return RequirementView.of(visible(id));
    }

    /** A requirement's history, oldest first. */
    @Transactional
    public List<RequirementVersionView> history(UUID id, PageRequest page) {
        visible(id);
        int after = (int) Math.min(page.afterId(), Integer.MAX_VALUE);
        return versions.pageAfter(id, after, page.limit() + 1).stream().map(this::view).toList();
    }

    @Transactional
    public RequirementView create(RequirementRequest request) {
        Content content = content(request);
        if (requirements.codeExists(content.code())) {
            throw duplicate(content.code());
        }
        OffsetDateTime now = now();
        ReportingRequirement r = new ReportingRequirement();
        content.applyTo(r);
        r.status = RequirementStatus.ACTIVE;
        r.version = 1; // kept by Hibernate as the first version (a new entity has no id yet)
        r.createdBy = caller.name();
        r.createdAt = now;
        r.updatedBy = r.createdBy;
        r.updatedAt = now;
        try {
            requirements.persistAndFlush(r);
        } catch (PersistenceException e) {
            if (UniqueViolations.violates(e, "reporting_requirement_code_key")) {
                // a concurrent create of the same code got there first
                throw duplicate(content.code());
            }
            throw e;
        }
        return record(r, ChangeType.CREATED, Set.of());
    }

    /**
     * Replaces a requirement's content, if it is still at the version the caller read (If-Match): 428 without it, 412
     * when stale, so no change is ever silently lost.
     */
    @Transactional
    public RequirementView replace(UUID id, String ifMatch, RequirementRequest request) {
        int read = Versions.required(ifMatch);
        Content content = content(request);
        ReportingRequirement r = requirements.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Versions.check("Reporting requirement '" + r.code + "'", read, r.version);
        if (r.status == RequirementStatus.RETIRED) {
            throw ProblemException.conflict("Reporting requirement '" + r.code + "' is retired and is kept as it was");
        }
        if (!r.code.equals(content.code())) {
            throw ProblemException.unprocessable("immutable-field", "A field cannot be changed",
                    "The code of a requirement never changes: create a new requirement instead",
                    List.of(new FieldProblem("code", "cannot be changed from " + r.code, "Immutable")));
        }
        if (content.sameAs(r)) {
            return RequirementView.of(r);
        }
        Set<String> before = Set.copyOf(r.departments);
        content.applyTo(r);
        r.updatedBy = caller.name();
        r.updatedAt = now();
        requirements.flush();
        return record(r, ChangeType.UPDATED, before);
    }

    /** Retires a requirement: departments are no longer asked for it; it stays readable, with its history. */
    @Transactional
    public RequirementView retire(UUID id, String ifMatch, RetirementRequest request) {
        int read = Versions.required(ifMatch);
        ReportingRequirement r = requirements.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Versions.check("Reporting requirement '" + r.code + "'", read, r.version);
        if (r.status == RequirementStatus.RETIRED) {
            throw ProblemException.conflict("Reporting requirement '" + r.code + "' was already retired at "
                    + r.retiredAt);
        }
        OffsetDateTime now = now();
        r.status = RequirementStatus.RETIRED;
        r.retiredAt = now;
        r.retirementReason = request.reason().trim();
        r.updatedBy = caller.name();
        r.updatedAt = now;
        requirements.flush();
        return record(r, ChangeType.RETIRED, Set.of());
    }

    /**
     * Writes the new state to the history and to the change feed, in the transaction of the change. The event concerns
     * the departments the requirement applies to, before and after the change (none named: it applies to all).
     */
    private RequirementView record(ReportingRequirement r, ChangeType change, Set<String> departmentsBefore) {
        RequirementView view = RequirementView.of(r);
        String snapshot = toJson(view);
        RequirementVersion v = new RequirementVersion();
        v.requirementId = r.id;
        v.version = r.version;
        v.changeType = change;
        v.snapshot = snapshot;
        v.changedBy = r.updatedBy;
        v.changedAt = r.updatedAt;
        versions.persist(v);
        Set<String> concerned = new TreeSet<>(departmentsBefore);
        concerned.addAll(r.departments);
        feed.append(EVENT_TYPES.get(change), AGGREGATE_TYPE, r.id.toString(), concerned, view, r.updatedBy);
        return view;
    }

    /** The requirement, if the caller may see it: central roles all, a department those that apply to it. */
    private ReportingRequirement visible(UUID id) {
        ReportingRequirement r = requirements.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!caller.isCentral() && !r.appliesTo(caller.requireDepartment())) {
            throw notFound(id);
        }
        return r;
    }

    private RequirementVersionView view(RequirementVersion v) {
        try {
            return new RequirementVersionView(v.version, v.changeType, v.changedBy, v.changedAt,
                    json.readValue(v.snapshot, RequirementView.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + v.id + " cannot be read", e);
        }
    }

    private String toJson(RequirementView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("requirement " + view.id() + " cannot be written as JSON", e);
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Reporting requirement", id);
    }

    private static ProblemException duplicate(String code) {
        return new ProblemException(409, "conflict", "Conflict with the current state",
                "There is already a reporting requirement with code '" + code + "'",
                List.of(new FieldProblem("code", "is already used by another reporting requirement", "Unique")));
    }

    private static OffsetDateTime now() {
        // microseconds: what PostgreSQL keeps, so the state returned now equals the state read back later
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Checks the rules that span fields (the single-field ones are bean validation on the request) and normalises. */
    private static Content content(RequirementRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> departments = new TreeSet<>();
        List<String> requested = request.departments() == null ? List.of() : request.departments();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i) == null ? "" : requested.get(i).trim().toUpperCase(Locale.ROOT);
            if (!code.matches(RequirementRequest.DEPARTMENT)) {
                problems.add(new FieldProblem("departments[" + i + "]",
                        "'" + requested.get(i) + "' is not a department code such as DHSC", "Pattern"));
            } else {
                departments.add(code);
            }
        }
        if (request.appliesToAllDepartments() && !requested.isEmpty()) {
            problems.add(new FieldProblem("departments", "must be empty when appliesToAllDepartments is true",
                    "AppliesTo"));
        } else if (!request.appliesToAllDepartments() && requested.isEmpty()) {
            problems.add(new FieldProblem("departments",
                    "must name at least one department when appliesToAllDepartments is false", "AppliesTo"));
        }
        String feed = request.liveDataFeed() == null || request.liveDataFeed().isBlank() ? null : request.liveDataFeed();
        if (request.satisfiedByLiveData() && feed == null) {
            problems.add(new FieldProblem("liveDataFeed", "is required when satisfiedByLiveData is true", "LiveData"));
        } else if (!request.satisfiedByLiveData() && feed != null) {
            problems.add(new FieldProblem("liveDataFeed", "must be empty when satisfiedByLiveData is false",
                    "LiveData"));
        }
        if (!problems.isEmpty()) {
            String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " fields are not valid";
            throw ProblemException.invalid(detail, problems);
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().trim();
        return new Content(request.code(), request.title().trim(), description, request.dataKind(),
                request.frequency(), request.dueDaysAfterPeriodEnd(), request.appliesToAllDepartments(), departments,
                request.satisfiedByLiveData(), feed);
    }

    /** The content of a requirement that its owner sets, validated and normalised. */
    private record Content(String code, String title, String description, DataKind dataKind, Frequency frequency,
            int dueDaysAfterPeriodEnd, boolean appliesToAllDepartments, Set<String> departments,
            boolean satisfiedByLiveData, String liveDataFeed) {

        void applyTo(ReportingRequirement r) {
            r.code = code;
            r.title = title;
            r.description = description;
            r.dataKind = dataKind;
            r.frequency = frequency;
            r.dueDaysAfterPeriodEnd = dueDaysAfterPeriodEnd;
            r.appliesToAllDepartments = appliesToAllDepartments;
            if (!r.departments.equals(departments)) {
                r.departments.clear();
                r.departments.addAll(departments);
            }
            r.satisfiedByLiveData = satisfiedByLiveData;
            r.liveDataFeed = liveDataFeed;
        }

        boolean sameAs(ReportingRequirement r) {
            return code.equals(r.code) && title.equals(r.title) && Objects.equals(description, r.description)
                    && dataKind == r.dataKind && frequency == r.frequency
                    && dueDaysAfterPeriodEnd == r.dueDaysAfterPeriodEnd
                    && appliesToAllDepartments == r.appliesToAllDepartments && departments.equals(Set.copyOf(r.departments))
                    && satisfiedByLiveData == r.satisfiedByLiveData && Objects.equals(liveDataFeed, r.liveDataFeed);
        }
    }
}
