package uk.gov.spendingcontrol.budget.controltotals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.time.FinancialYear;

@ApplicationScoped
public class ControlTotalService {

    private final AdjustmentRepository adjustments;
    private final DepartmentRepository departments;
    private final Caller caller;
    private final ChangeFeed feed;

    public ControlTotalService(AdjustmentRepository adjustments, DepartmentRepository departments, Caller caller,
            ChangeFeed feed) {
        this.adjustments = adjustments;
        this.departments = departments;
        this.caller = caller;
        this.feed = feed;
    }

    /**
     * Control totals visible to the caller: a department sees its own; central roles see all or filter by department.
     */
    @Transactional
    public List<ControlTotal> totals(String department, String financialYear, OffsetDateTime asAt) {
        if (financialYear != null) {
            FinancialYear.parse(financialYear, "financialYear");
        }
        return adjustments.totals(caller.departmentScope(department), financialYear, asAt == null ? OffsetDateTime.now() : asAt);
    }

    @Transactional
    public List<Adjustment> adjustments(String department, String financialYear, PageRequest page) {
        if (financialYear != null) {
            FinancialYear.parse(financialYear, "financialYear");
        }
        return adjustments.pageAfter(caller.departmentScope(department), financialYear, page.afterId(), page.limit() + 1);
    }

    @Transactional
    public Adjustment adjust(AdjustmentRequest request) {
        FinancialYear.parse(request.financialYear(), "financialYear");
        String department = knownDepartment(request.department(), "department");
        if (request.type() == AdjustmentType.TRANSFER) {
            throw ProblemException.invalid("type",
                    "transfers between departments are made with POST /api/v1/control-totals/transfers");
        }
        Adjustment a = record(department, request.financialYear(), request.boundary(), request.type(),
                request.amount(), request.reason(), null);
        feed.append("ControlTotalAdjusted", "ControlTotalAdjustment", a.id.toString(), List.of(department),
                AdjustmentView.of(a), caller.name());
        return a;
    }

    /** Debits one department and credits another in one transaction: both legs or neither. */
    @Transactional
    public TransferView transfer(TransferRequest request) {
        FinancialYear.parse(request.financialYear(), "financialYear");
        String from = knownDepartment(request.fromDepartment(), "fromDepartment");
        String to = knownDepartment(request.toDepartment(), "toDepartment");
        if (from.equals(to)) {
            throw ProblemException.invalid("toDepartment", "must differ from fromDepartment");
        }
        UUID transferId = UUID.randomUUID();
        Adjustment debit = record(from, request.financialYear(), request.boundary(), AdjustmentType.TRANSFER,
                request.amount().negate(), request.reason(), transferId);
        Adjustment credit = record(to, request.financialYear(), request.boundary(), AdjustmentType.TRANSFER,
                request.amount(), request.reason(), transferId);
        TransferView view = new TransferView(transferId, List.of(AdjustmentView.of(debit), AdjustmentView.of(credit)));
        feed.append("ControlTotalTransferred", "Transfer", transferId.toString(), List.of(from, to), view,
                caller.name());
        return view;
    }

    private Adjustment record(String department, String year, Boundary boundary, AdjustmentType type,
            java.math.BigDecimal amount, String reason, UUID transferId) {
        Adjustment a = new Adjustment();
        a.departmentCode = department;
        a.financialYear = year;
        a.boundary = boundary;
        a.type = type;
        a.amount = amount;
        a.reason = reason.trim();
        a.transferId = transferId;
        a.createdBy = caller.name();
        adjustments.persistAndFlush(a);
        adjustments.getEntityManager().refresh(a);
        return a;
    }

    private String knownDepartment(String code, String field) {
        String department = code.toUpperCase(Locale.ROOT);
        if (!departments.exists(department)) {
            throw ProblemException.unprocessable("unknown-department", "Unknown department",
                    "There is no department '" + code + "'",
                    List.of(new FieldProblem(field, "is not a known department code")));
        }
        return department;
    }

}
