package uk.gov.spendingcontrol.budget.controltotals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;

@ApplicationScoped
public class ControlTotalService {

    private final AdjustmentRepository adjustments;
    private final DepartmentRepository departments;
    private final Caller caller;

    public ControlTotalService(AdjustmentRepository adjustments, DepartmentRepository departments, Caller caller) {
        this.adjustments = adjustments;
        this.departments = departments;
        this.caller = caller;
    }

    /**
     * Control totals visible to the caller: a department sees its own; central roles see all or filter by department.
     */
    @Transactional
    public List<ControlTotal> totals(String department, String financialYear, OffsetDateTime asAt) {
        if (financialYear != null) {
            FinancialYear.parse(financialYear, "financialYear");
        }
        return adjustments.totals(scope(department), financialYear, asAt == null ? OffsetDateTime.now() : asAt);
    }

    @Transactional
    public List<Adjustment> adjustments(String department, String financialYear, PageRequest page) {
        if (financialYear != null) {
            FinancialYear.parse(financialYear, "financialYear");
        }
        return adjustments.pageAfter(scope(department), financialYear, page.afterId(), page.limit() + 1);
    }

    @Transactional
    public Adjustment adjust(AdjustmentRequest request) {
        FinancialYear.parse(request.financialYear(), "financialYear");
        String department = request.department().toUpperCase(Locale.ROOT);
        if (!departments.exists(department)) {
            throw ProblemException.unprocessable("unknown-department", "Unknown department",
                    "There is no department '" + request.department() + "'",
                    List.of(new uk.gov.spendingcontrol.common.problem.FieldProblem("department", "is not a known department code")));
        }
        if (request.type() == AdjustmentType.TRANSFER) {
            throw ProblemException.invalid("type", "transfers between departments are made as transfers, not single adjustments");
        }
        Adjustment a = new Adjustment();
        a.departmentCode = department;
        a.financialYear = request.financialYear();
        a.boundary = request.boundary();
        a.type = request.type();
        a.amount = request.amount();
        a.reason = request.reason().trim();
        a.createdBy = caller.name();
        adjustments.persistAndFlush(a);
        adjustments.getEntityManager().refresh(a);
        return a;
    }

    /** The department filter the caller may use: their own for a department, any (or none) for central roles. */
    private String scope(String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested.toUpperCase(Locale.ROOT);
        if (caller.isCentral()) {
            return wanted;
        }
        String own = caller.requireDepartment();
        if (wanted != null && !wanted.equals(own)) {
            throw ProblemException.notFound("Department", requested);
        }
        return own;
    }
}
