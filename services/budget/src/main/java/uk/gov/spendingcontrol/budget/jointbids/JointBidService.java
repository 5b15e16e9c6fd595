package uk.gov.spendingcontrol.budget.jointbids;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.common.time.FinancialYear;
import uk.gov.spendingcontrol.common.web.EnumParameter;
import uk.gov.spendingcontrol.common.web.Versions;

/**
 * Joint bids: drafted and submitted by the lead department's editors, approved or rejected by Treasury approvers.
 * Departments taking part read them; other departments get 404.
 */
@ApplicationScoped
public class JointBidService {

    private final JointBidRepository bids;
    private final DepartmentRepository departments;
    private final Caller caller;
    private final ChangeFeed feed;

    public JointBidService(JointBidRepository bids, DepartmentRepository departments, Caller caller, ChangeFeed feed) {
        this.bids = bids;
        this.departments = departments;
        this.caller = caller;
        this.feed = feed;
    }

    @Transactional
    public List<JointBid> list(String status, PageRequest page) {
        JointBid.Status wanted = EnumParameter.parse(JointBid.Status.class, "status", status);
        String department = caller.departmentScope(null);
        UUID after = null;
        if (page.after() != null) {
            try {
                after = UUID.fromString(page.after());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
            }
        }
        return bids.pageAfter(department, wanted, after, page.limit() + 1);
    }

    @Transactional
    public JointBid get(UUID id) {
        JointBid b = bids.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Joint bid", id));
        if (!caller.isCentral() && !b.involves(caller.requireDepartment())) {
            throw ProblemException.notFound("Joint bid", id);
        }
        return b;
    }

    @Transactional
    public JointBid create(JointBidRequest request) {
        JointBid b = new JointBid();
        b.id = UUID.randomUUID();
        b.leadDepartment = caller.requireDepartment();
        b.status = JointBid.Status.DRAFT;
        b.createdBy = caller.name();
        b.createdAt = OffsetDateTime.now();
        apply(b, request);
        bids.persistAndFlush(b);
        recordStatus(b, null, JointBid.Status.DRAFT, null);
        feed.append("JointBidCreated", "JointBid", b.id.toString(), b.departments(), JointBidView.of(b), caller.name());
        return b;
    }

    @Transactional
    public JointBid update(UUID id, JointBidRequest request, String ifMatch) {
        int read = Versions.required(ifMatch);
        JointBid b = get(id);
        requireLeadEditor(b);
        checkVersion(b, read);
        if (b.status != JointBid.Status.DRAFT) {
            throw ProblemException.conflict("Joint bid " + id + " is " + b.status + ": only a DRAFT can be changed");
        }
        apply(b, request);
        bids.flush();
        feed.append("JointBidChanged", "JointBid", b.id.toString(), b.departments(), JointBidView.of(b), caller.name());
        return b;
    }

    @Transactional
    public JointBid changeStatus(UUID id, StatusChange change, String ifMatch) {
        int read = Versions.required(ifMatch);
        JointBid b = get(id);
        JointBid.Status from = b.status;
        JointBid.Status to = change.status();
        switch (to) {
            case SUBMITTED -> {
                requireLeadEditor(b);
                requireFrom(b, JointBid.Status.DRAFT, to);
            }
            case APPROVED, REJECTED -> {
                if (!caller.hasRole(Roles.TREASURY_APPROVER)) {
                    throw ProblemException.forbidden("Only Treasury approvers approve or reject joint bids");
                }
                requireFrom(b, JointBid.Status.SUBMITTED, to);
                if (to == JointBid.Status.REJECTED && (change.comment() == null || change.comment().isBlank())) {
                    throw ProblemException.invalid("comment", "is required when rejecting a bid");
                }
                b.decisionComment = change.comment();
            }
            default -> throw ProblemException.invalid("status", "can be changed to SUBMITTED, APPROVED or REJECTED");
        }
        checkVersion(b, read);
        b.status = to;
        b.updatedBy = caller.name();
        b.updatedAt = OffsetDateTime.now();
        bids.flush();
        recordStatus(b, from, to, change.comment());
        feed.append("JointBidStatusChanged", "JointBid", b.id.toString(), b.departments(), JointBidView.of(b),
                caller.name());
        return b;
    }

    private void requireLeadEditor(JointBid b) {
        if (!caller.hasRole(Roles.DEPARTMENT_EDITOR) || !b.leadDepartment.equals(caller.department().orElse(""))) {
            throw ProblemException.forbidden("Only editors of the lead department (" + b.leadDepartment
                    + ") change or submit this bid");
        }
    }

    private static void requireFrom(JointBid b, JointBid.Status required, JointBid.Status to) {
        if (b.status != required) {
            throw ProblemException.conflict("Joint bid " + b.id + " is " + b.status + ": it can become " + to
                    + " only from " + required);
        }
    }

    private static void checkVersion(JointBid b, int read) {
        Versions.check("Joint bid " + b.id, read, b.version);
    }

    private void apply(JointBid b, JointBidRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> taking = new HashSet<>();
        List<JointBid.Amount> amounts = new ArrayList<>();
        for (int i = 0; i < request.amounts().size(); i++) {
            JointBidRequest.AmountRequest a = request.amounts().get(i);
            String dept = a.department().toUpperCase(Locale.ROOT);
            String field = "amounts[" + i + "]";
            if (!departments.exists(dept)) {
                problems.add(new FieldProblem(field + ".department", "'" + a.department() + "' is not a known department code"));
                continue;
            }
            if (!FinancialYear.isValid(a.financialYear())) {
                problems.add(new FieldProblem(field + ".financialYear", "is not a financial year such as 2027-28"));
                continue;
            }
            if (!keys.add(dept + "/" + a.financialYear())) {
                problems.add(new FieldProblem(field, "repeats " + dept + " for " + a.financialYear()));
                continue;
            }
            taking.add(dept);
            amounts.add(new JointBid.Amount(dept, a.financialYear(), a.amount()));
        }
        taking.add(b.leadDepartment);
        if (problems.isEmpty() && taking.size() < 2) {
            problems.add(new FieldProblem("amounts", "a joint bid needs at least one department besides the lead"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " fields are not valid", problems);
        }
        b.title = request.title().trim();
        b.description = request.description();
        b.crossCuttingOutcomeId = request.crossCuttingOutcomeId();
        b.amounts.clear();
        b.amounts.addAll(amounts);
        b.updatedBy = caller.name();
        b.updatedAt = OffsetDateTime.now();
    }

    private void recordStatus(JointBid b, JointBid.Status from, JointBid.Status to, String comment) {
        bids.getEntityManager().createNativeQuery("""
                INSERT INTO joint_bid_status_change (joint_bid_id, from_status, to_status, comment, changed_by)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, b.id).setParameter(2, from == null ? null : from.name()).setParameter(3, to.name())
                .setParameter(4, comment).setParameter(5, caller.name())
                .executeUpdate();
    }
}
