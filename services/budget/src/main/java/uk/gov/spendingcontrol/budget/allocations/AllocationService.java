package uk.gov.spendingcontrol.budget.allocations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import uk.gov.spendingcontrol.budget.controltotals.AdjustmentRepository;
import uk.gov.spendingcontrol.budget.controltotals.Boundary;
import uk.gov.spendingcontrol.budget.programmes.Programme;
import uk.gov.spendingcontrol.budget.programmes.ProgrammeRepository;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.money.Money;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.persistence.AdvisoryLocks;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.common.web.Versions;

@ApplicationScoped
public class AllocationService {

    private final AllocationRepository allocations;
    private final AdjustmentRepository ledger;
    private final ProgrammeRepository programmes;
    private final Caller caller;
    private final ChangeFeed feed;
    private final AdvisoryLocks locks;

    public AllocationService(AllocationRepository allocations, AdjustmentRepository ledger,
            ProgrammeRepository programmes, Caller caller, ChangeFeed feed, AdvisoryLocks locks) {
        this.locks = locks;
        this.allocations = allocations;
        this.ledger = ledger;
        this.programmes = programmes;
        this.caller = caller;
        this.feed = feed;
    }

    /**
     * Sets an allocation. Allocations of one control total are serialised (an advisory lock per department, year and
     * boundary), so two concurrent allocations can never together exceed it. A new allocation is made without
     * If-Match; changing an existing one needs the version read in If-Match (docs/architecture.md, "Optimistic
     * concurrency"): 428 without it, 412 when stale.
     */
    @Transactional
    public Allocation allocate(AllocationRequest request, String ifMatch) {
        Integer read = Versions.optional(ifMatch);
        FinancialYear.parse(request.financialYear(), "financialYear");
        List<FieldProblem> profileProblems = MonthlyProfile.problems(request.monthlyProfile());
        if (!profileProblems.isEmpty()) {
            throw ProblemException.invalid(profileProblems.size() == 1
                    ? profileProblems.get(0).field() + ": " + profileProblems.get(0).message()
                    : "The monthly profile is not valid: " + profileProblems.size() + " problems", profileProblems);
        }
        String department = caller.requireDepartment();
        String code = request.programme().toUpperCase(Locale.ROOT);
        Programme programme = programmes.findByIdOptional(code)
                .filter(p -> p.involves(department))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-programme", "Unknown programme",
                        "Programme '" + request.programme() + "' is not one your department runs or contributes to",
                        List.of(new FieldProblem("programme", "is not a programme of " + department))));
        if (programme.status == Programme.Status.CLOSED) {
            throw ProblemException.unprocessable("programme-closed", "Programme closed",
                    "Programme " + code + " is closed", List.of(new FieldProblem("programme", "is closed")));
        }
        lock(department, request.financialYear(), request.boundary());
        Allocation a = allocations.find(department, code, request.financialYear(), request.boundary()).orElse(null);
        BigDecimal previous = BigDecimal.ZERO;
        String what = "The allocation of " + code + " for " + request.financialYear() + " " + request.boundary();
        if (a == null && read != null) {
            throw Versions.stale(what + " does not exist yet: send no If-Match to make it", read, null);
        }
        if (a == null) {
            a = new Allocation();
            a.departmentCode = department;
            a.programmeCode = code;
            a.financialYear = request.financialYear();
            a.boundary = request.boundary();
        } else {
            if (read == null) {
                throw Versions.preconditionRequired(what + " exists, at version " + a.version + ": send If-Match with"
                        + " the ETag you read to change it");
            }
            Versions.check(what, read, a.version);
            previous = a.amount;
        }
        BigDecimal controlTotal = ledger.total(department, request.financialYear(), request.boundary());
        BigDecimal allocatedAfter = allocations.allocated(department, request.financialYear(), request.boundary())
                .subtract(previous).add(request.amount());
        if (allocatedAfter.compareTo(controlTotal) > 0) {
            throw ProblemException.unprocessable("allocation-exceeds-control-total", "Allocation exceeds control total",
                    "This allocation would bring " + department + "'s " + request.financialYear() + " "
                            + request.boundary() + " allocations to " + Money.pounds(allocatedAfter)
                            + ", above its control total of " + Money.pounds(controlTotal),
                    List.of(new FieldProblem("amount", "allocations would total " + Money.pounds(allocatedAfter)
                            + " against a control total of " + Money.pounds(controlTotal), "ExceedsControlTotal")));
        }
        a.amount = request.amount();
        a.monthlyProfile = MonthlyProfile.of(request.monthlyProfile());
        a.updatedBy = caller.name();
        a.updatedAt = OffsetDateTime.now();
        allocations.persistAndFlush(a);
        AllocationHistory h = new AllocationHistory();
        h.allocationId = a.id;
        h.version = a.version;
        h.amount = a.amount;
        h.monthlyProfile = a.monthlyProfile;
        h.reason = request.reason();
        h.changedBy = a.updatedBy;
        h.changedAt = a.updatedAt;
        allocations.getEntityManager().persist(h);
        feed.append("AllocationSet", "Allocation", a.id.toString(), List.of(department), AllocationView.of(a),
                caller.name());
        return a;
    }

    @Transactional
    public List<Allocation> list(String department, String year, String programme, PageRequest page) {
        if (year != null) {
            FinancialYear.parse(year, "financialYear");
        }
        return allocations.pageAfter(caller.departmentScope(department), year, programme == null ? null : programme.toUpperCase(Locale.ROOT),
                page.afterId(), page.limit() + 1);
    }

    @Transactional
    public Allocation get(long id) {
        Allocation a = allocations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Allocation", id));
        if (!caller.mayRead(a.departmentCode)) {
            throw ProblemException.notFound("Allocation", id);
        }
        return a;
    }

    @Transactional
    public List<AllocationHistory> history(long id) {
        return allocations.history(get(id).id);
    }


    private void lock(String department, String year, Boundary boundary) {
        locks.lock("allocation", department + ":" + year + ":" + boundary);
    }
}
