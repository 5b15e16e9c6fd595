package uk.gov.spendingcontrol.delegation.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.Versions;

@ApplicationScoped
public class DelegationService {

    /** The aggregate type of delegations in the change feed. */
    public static final String AGGREGATE = "Delegation";
    /** The change-feed event written for every new version. */
    public static final String VERSION_CREATED = "DelegationVersionCreated";

    private static final Pattern DEPARTMENT_CODE = Pattern.compile("^[A-Z][A-Z0-9]{1,15}$");

    private final DelegationVersionRepository versions;
    private final ChangeFeed feed;
    private final Caller caller;
    private final AdvisoryLocks locks;

    public DelegationService(DelegationVersionRepository versions, ChangeFeed feed, Caller caller,
            AdvisoryLocks locks) {
        this.versions = versions;
        this.feed = feed;
        this.caller = caller;
        this.locks = locks;
    }

    /** Current delegations the caller may see (a department its own, central roles all), by department code. */
    @Transactional
    public List<DelegationView> current(PageRequest page) {
        String only = caller.departmentScope(null);
        return versions.currentPageAfter(only, page.after(), page.limit() + 1).stream().map(DelegationView::of).toList();
    }

    @Transactional
    public DelegationView current(String department) {
        String code = visible(department);
        return versions.current(code).map(DelegationView::of)
                .orElseThrow(() -> ProblemException.notFound("Delegation of department", department));
    }

    @Transactional
    public List<DelegationView> versions(String department, PageRequest page) {
        String code = visible(department);
        List<DelegationView> found = versions.versionsAfter(code, page.afterId(), page.limit() + 1).stream()
                .map(DelegationView::of).toList();
        if (found.isEmpty() && page.after() == null) {
            throw ProblemException.notFound("Delegation of department", department);
        }
        return found;
    }

    @Transactional
    public DelegationView version(String department, int version) {
        String code = visible(department);
        return versions.version(code, version).map(DelegationView::of)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of the delegation of department",
                        department));
    }

    /** The outcome of a replacement: the new version, and whether it is the department's first. */
    public record Replaced(DelegationView delegation, boolean first) {
    }

    /**
     * Replaces a department's rules as a new version, if the caller read the current one (If-Match), or sets its first
     * version (If-None-Match: *): docs/architecture.md, "Optimistic concurrency". Writers of one department are
     * serialised, so two replacements of the same version cannot both succeed. Appends the new version to the change
     * feed in the same transaction.
     */
    @Transactional
    public Replaced replace(String department, DelegationRequest request, String ifMatch, String ifNoneMatch) {
        OptionalInt read = Versions.createOrReplace(ifMatch, ifNoneMatch);
        String code = departmentCode(department);
        checkRules(request.rules());

        locks.lock(AGGREGATE, code);
        int current = versions.currentVersion(code);
        if (read.isEmpty() && current != 0) {
            throw Versions.stale(code + " already has a delegation, at version " + current + ": read it and send"
                    + " If-Match with its ETag to replace it", null, current);
        }
        if (read.isPresent() && current == 0) {
            throw Versions.stale(code + " has no delegation yet, so there is no version " + read.getAsInt()
                    + " to replace: send If-None-Match: * to set its first version", read.getAsInt(), null);
        }
        if (read.isPresent()) {
            Versions.check(code + "'s delegation", read.getAsInt(), current);
        }

        DelegationVersion v = new DelegationVersion();
        v.departmentCode = code;
        v.version = current + 1;
        v.reason = request.reason().trim();
        v.createdBy = caller.name();
        for (Rule rule : request.rules()) {
            v.add(new Rule(rule.kindOfSpend(), rule.threshold().setScale(2, RoundingMode.UNNECESSARY),
                    rule.approverAbove()));
        }
        versions.persistAndFlush(v);
        if (v.createdAt == null) {
            versions.getEntityManager().refresh(v);
        }
        DelegationView view = DelegationView.of(v);
        feed.append(VERSION_CREATED, AGGREGATE, code, List.of(code), view, v.createdBy);
        return new Replaced(view, current == 0);
    }

    /** A department code as written (any case), normalised; one that cannot be a code answers 400. */
    public static String departmentCode(String text) {
        String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!DEPARTMENT_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("department", "'" + text + "' is not a department code such as DHSC");
        }
        return code;
    }

    /** The department the caller may read: any for central roles; for a department, only its own (else 404). */
    private String visible(String requested) {
        return caller.departmentScope(requested == null ? "" : requested.trim());
    }

    /** The rules of one version: at most one per kind, and the conditions that always go to the centre hold. */
    static void checkRules(List<Rule> rules) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<KindOfSpend, Integer> seen = new EnumMap<>(KindOfSpend.class);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                errors.add(new FieldProblem(at, "must not be null", "NotNull"));
                continue;
            }
            KindOfSpend kind = rule.kindOfSpend();
            if (kind == null) {
                continue; // reported by bean validation
            }
            Integer first = seen.putIfAbsent(kind, i);
            if (first != null) {
                errors.add(new FieldProblem(at + ".kindOfSpend", "duplicates rules[" + first + "]: a version has at "
                        + "most one rule per kind of spend", "DuplicateKindOfSpend"));
            }
            if (!kind.delegable()) {
                errors.add(new FieldProblem(at + ".kindOfSpend", "novel, contentious or repercussive spend cannot be "
                        + "delegated: it always needs Treasury approval", "NotDelegable"));
            }
            if (kind == KindOfSpend.DIGITAL_AND_TECHNOLOGY
                    && rule.approverAbove() != null && rule.approverAbove() != CentralApprover.CABINET_OFFICE_SPEND_CONTROL) {
                errors.add(new FieldProblem(at + ".approverAbove", "digital and technology spend above its threshold "
                        + "goes to a Cabinet Office spend control: must be CABINET_OFFICE_SPEND_CONTROL",
                        "DigitalSpendControl"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are not valid", errors);
        }
    }

    /** For the decision service: the current version of a department, with its rules, if it has one. */
    @Transactional
    public Optional<DelegationView> currentOf(String department) {
        return versions.current(department).map(DelegationView::of);
    }
}
