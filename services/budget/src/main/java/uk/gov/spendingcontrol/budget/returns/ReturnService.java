package uk.gov.spendingcontrol.budget.returns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.gov.spendingcontrol.budget.allocations.AllocationRepository;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.budget.periods.PeriodService;
import uk.gov.spendingcontrol.budget.programmes.ProgrammeRepository;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.Versions;

/**
 * Monthly returns: submission (validate, then write everything in one transaction), versions, lines and review.
 *
 * <p>Writers of one department's returns for a year, and reviewers of them, are serialised by a transaction-level
 * advisory lock, so versions are numbered without gaps or clashes, the closed-period check sees the position it
 * compares against, and a review never races a new version.
 */
@ApplicationScoped
public class ReturnService {

    private static final Logger LOG = Logger.getLogger(ReturnService.class);
    /** The lock namespace of one department's returns for one year (key "DEPT:YEAR"). */
    private static final String RETURNS_LOCK = "returns";

    private final SubmissionRepository submissions;
    private final ReturnStore store;
    private final ProgrammeRepository programmes;
    private final AllocationRepository allocations;
    private final DepartmentRepository departments;
    private final PeriodService periods;
    private final Caller caller;
    private final ChangeFeed feed;
    private final Event<LineIndexSummariser.LinesWritten> linesWritten;
    private final AdvisoryLocks locks;

    public ReturnService(SubmissionRepository submissions, ReturnStore store, ProgrammeRepository programmes,
            AllocationRepository allocations, DepartmentRepository departments, PeriodService periods, Caller caller,
            ChangeFeed feed, Event<LineIndexSummariser.LinesWritten> linesWritten, AdvisoryLocks locks) {
        this.locks = locks;
        this.submissions = submissions;
        this.store = store;
        this.programmes = programmes;
        this.allocations = allocations;
        this.departments = departments;
        this.periods = periods;
        this.caller = caller;
        this.feed = feed;
        this.linesWritten = linesWritten;
    }

    /** The result of a submission: the report, and whether it is the replay of an earlier one (Idempotency-Key). */
    public record Submitted(ReturnView report, boolean replayed) {
    }

    /**
     * The earlier result for an Idempotency-Key, if the same department used it: the same request answers it again;
     * another request with it is refused.
     */
    @Transactional
    public Optional<Submitted> replay(String key, String requestHash) {
        if (key == null) {
            return Optional.empty();
        }
        return submissions.byIdempotencyKey(caller.requireDepartment(), key).map(s -> replayOf(s, requestHash));
    }

    private Submitted replayOf(Submission s, String requestHash) {
        if (!s.requestHash.equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "The Idempotency-Key was used for another request (return " + s.id + "): use a new key for a new"
                            + " return", List.of(new FieldProblem("Idempotency-Key", "was used for another request")));
        }
        return new Submitted(report(s), true);
    }

    /** Validates a return and, when no finding is fatal, stores it as the next version. */
    @Transactional
    public Submitted submit(ParsedReturn r, String key, String requestHash) {
        long t0 = System.nanoTime();
        String department = caller.requireDepartment();
        if (!departments.exists(department)) {
            throw ProblemException.forbidden("Your department '" + department + "' is not known to the budget service");
        }
        String year = r.financialYear().toString();
        if (key != null) {
            locks.lock("return-key", department + ":" + key);
            Optional<Submission> earlier = submissions.byIdempotencyKey(department, key);
            if (earlier.isPresent()) {
                return replayOf(earlier.get(), requestHash);
            }
        }
        locks.lock(RETURNS_LOCK, department + ":" + year);

        ReturnValidator.Reference reference = reference(department, r);
        long t1 = System.nanoTime();
        ReturnValidator.Result result = ReturnValidator.validate(r, reference);
        long t2 = System.nanoTime();
        Findings findings = result.findings();
        if (findings.hasFatal()) {
            throw new ReturnRejectedException(422, findings);
        }

        Submission s = new Submission();
        s.id = UUID.randomUUID();
        s.departmentCode = department;
        s.financialYear = year;
        s.period = (short) r.period();
        s.version = submissions.latestVersion(department, year, r.period()) + 1;
        s.status = Submission.Status.SUBMITTED;
        s.format = r.format();
        s.lineCount = r.lines().size;
        s.warningCount = findings.warnings().size();
        s.idempotencyKey = key;
        s.requestHash = requestHash;
        s.submittedBy = caller.name();
        s.submittedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        submissions.persistAndFlush(s);
        long t3 = System.nanoTime();
        store.lines(s.seq, r.lines());
        linesWritten.fire(new LineIndexSummariser.LinesWritten(s.seq));
        long t4 = System.nanoTime();
        store.totals(s.id, result.totals());
        store.warnings(s.id, findings.warnings());
        long t5 = System.nanoTime();

        List<Finding> listed = findings.warnings().size() <= Findings.LISTED ? findings.warnings()
                : findings.warnings().subList(0, Findings.LISTED);
        ReturnView report = ReturnView.of(s, false, findings.warningCounts(), List.copyOf(listed));
        feed.append("ReturnSubmitted", "Return", s.id.toString(), List.of(department),
                new SubmittedEvent(ReturnView.summary(s, false), findings.warningCounts(), totals(result.totals())),
                caller.name());
        long t6 = System.nanoTime();
        LOG.infof("Return %s accepted: %s %s period %d version %d, %d lines, %d warnings; read %d ms, reference %d ms,"
                + " validate %d ms, row %d ms, lines %d ms, totals and warnings %d ms, feed %d ms", s.id, department,
                year, r.period(), s.version, s.lineCount, s.warningCount, r.readNanos() / 1_000_000,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
        return new Submitted(report, false);
    }

    /** The ReturnSubmitted event: the submission, its warnings per rule, and its totals per programme and boundary. */
    public record SubmittedEvent(ReturnView submission, Map<String, Integer> warningCounts, List<TotalView> totals) {
    }

    public record TotalView(String programme, String boundary, BigDecimal outturnYearToDate,
            BigDecimal forecastFullYear) {
    }

    private static List<TotalView> totals(List<ReturnValidator.Total> totals) {
        List<TotalView> out = new ArrayList<>(totals.size());
        for (ReturnValidator.Total t : totals) {
            out.add(new TotalView(t.programme(), ReturnLines.BOUNDARIES[t.boundary()].name(),
                    Amounts.toPounds(t.outturnYtd()), Amounts.toPounds(t.forecastFullYear())));
        }
        return out;
    }

    private ReturnValidator.Reference reference(String department, ParsedReturn r) {
        String year = r.financialYear().toString();
        Set<String> own = programmes.codesInvolving(department);
        Set<Integer> closed = periods.closed(year);
        Map<String, Long> allocated = new HashMap<>();
        for (Object[] a : allocations.amounts(department, year)) {
            allocated.put(ReturnValidator.key((String) a[0], ((Boundary) a[1]).ordinal()),
                    ((BigDecimal) a[2]).movePointRight(2).longValueExact());
        }
        Map<String, Long> closedOutturn = Map.of();
        if (!closed.isEmpty()) {
            closedOutturn = submissions.currentPosition(department, year)
                    .map(s -> submissions.outturnIn(s.seq, closed)).orElse(Map.of());
        }
        boolean started = !periods.isFuture(r.financialYear(), r.period());
        return new ReturnValidator.Reference(department, own, started, closed, allocated, closedOutturn);
    }

    /** A submission the caller may read: central roles any, a department its own; others are not found. */
    @Transactional
    public Submission get(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Return", id));
        if (!caller.mayRead(s.departmentCode)) {
            throw ProblemException.notFound("Return", id);
        }
        return s;
    }

    @Transactional
    public ReturnView read(UUID id) {
        return report(get(id));
    }

    private ReturnView report(Submission s) {
        boolean superseded = submissions.latestVersion(s.departmentCode, s.financialYear, s.period) > s.version;
        List<Finding> warnings = new ArrayList<>();
        for (Object[] w : submissions.warnings(s.id, 0, Findings.LISTED)) {
            warnings.add(warning(w));
        }
        return ReturnView.of(s, superseded, submissions.warningCounts(s.id), warnings);
    }

    static Finding warning(Object[] w) {
        Rule rule = Rule.valueOf((String) w[1]);
        return Finding.of(rule, w[2] == null ? null : ((Number) w[2]).intValue(), (String) w[3], (String) w[4]);
    }

    /** A list item and its place in the list order (the cursor). */
    public record Listed(ReturnView view, long seq) {
    }

    @Transactional
    public List<Listed> list(String department, String year, Integer period, String status, PageRequest page) {
        if (year != null) {
            FinancialYear.parse(year, "financialYear");
        }
        if (period != null && (period < 1 || period > 12)) {
            throw ProblemException.invalid("period", "must be between 1 (April) and 12 (March)");
        }
        Submission.Status wanted = EnumParameter.parse(Submission.Status.class, "status", status);
        List<Submission> rows = submissions.pageAfter(caller.departmentScope(department), year, period, wanted, page.afterId(),
                page.limit() + 1);
        Map<String, Integer> latest = submissions.latestVersions(rows);
        List<Listed> out = new ArrayList<>(rows.size());
        for (Submission s : rows) {
            out.add(new Listed(ReturnView.summary(s,
                    latest.getOrDefault(SubmissionRepository.slot(s), s.version) > s.version), s.seq));
        }
        return out;
    }

    @Transactional
    public List<Object[]> lines(UUID id, PageRequest page) {
        return submissions.lines(get(id).seq, page.afterId(), page.limit() + 1);
    }

    @Transactional
    public List<Object[]> warnings(UUID id, PageRequest page) {
        return submissions.warnings(get(id).id, page.afterId(), page.limit() + 1);
    }

    /**
     * Confirms or rejects a submitted return. Only the latest version of a SUBMITTED return can be reviewed (409
     * otherwise); the caller must send the revision they read in If-Match (428 without it, 412 when it changed).
     */
    @Transactional
    public ReturnView review(UUID id, ReviewRequest request, String ifMatch) {
        int read = Versions.required(ifMatch);
        Submission s = get(id);
        locks.lock(RETURNS_LOCK, s.departmentCode + ":" + s.financialYear);
        submissions.getEntityManager().refresh(s);
        if (s.status != Submission.Status.SUBMITTED) {
            throw ProblemException.conflict("Return " + id + " was already " + s.status + " by " + s.reviewedBy
                    + " at " + s.reviewedAt + ": only a SUBMITTED return can be reviewed");
        }
        int latest = submissions.latestVersion(s.departmentCode, s.financialYear, s.period);
        if (latest > s.version) {
            throw ProblemException.conflict("Return " + id + " (version " + s.version + ") is superseded by version "
                    + latest + ": review the latest version");
        }
        Versions.check("Return " + id, read, s.revision);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
        if (request.decision() == ReviewRequest.Decision.REJECTED && comment == null) {
            throw ProblemException.invalid("comment", "is required to reject a return: say what is wrong");
        }
        s.status = request.decision() == ReviewRequest.Decision.CONFIRMED ? Submission.Status.CONFIRMED
                : Submission.Status.REJECTED;
        s.reviewComment = comment;
        s.reviewedBy = caller.name();
        s.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        submissions.flush();
        ReturnView view = report(s);
        feed.append("ReturnReviewed", "Return", s.id.toString(), List.of(s.departmentCode),
                ReturnView.summary(s, false), caller.name());
        return view;
    }

}
