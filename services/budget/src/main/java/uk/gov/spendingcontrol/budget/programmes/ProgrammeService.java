package uk.gov.spendingcontrol.budget.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import uk.gov.spendingcontrol.budget.departments.DepartmentRepository;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;

@ApplicationScoped
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final DepartmentRepository departments;
    private final Caller caller;
    private final ChangeFeed feed;

    public ProgrammeService(ProgrammeRepository programmes, DepartmentRepository departments, Caller caller,
            ChangeFeed feed) {
        this.programmes = programmes;
        this.departments = departments;
        this.caller = caller;
        this.feed = feed;
    }

    @Transactional
    public List<Programme> list(String department, PageRequest page) {
        return programmes.pageAfter(caller.departmentScope(department), page.after(), page.limit() + 1);
    }

    /** A programme the caller may see: central roles any, a department those it runs or contributes to. */
    @Transactional
    public Programme get(String code) {
        Programme p = programmes.findByIdOptional(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound("Programme", code));
        if (!caller.isCentral() && !p.involves(caller.requireDepartment())) {
            throw ProblemException.notFound("Programme", code);
        }
        return p;
    }

    @Transactional
    public Programme create(ProgrammeRequest request) {
        String lead = leadFor(request);
        if (programmes.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("A programme with code '" + request.code() + "' already exists");
        }
        Programme p = new Programme();
        p.code = request.code();
        p.leadDepartment = lead;
        p.createdBy = caller.name();
        p.createdAt = OffsetDateTime.now();
        apply(p, request);
        programmes.persistAndFlush(p);
        feed.append("ProgrammeCreated", "Programme", p.code, departmentsOf(p), ProgrammeView.of(p), caller.name());
        return p;
    }

    @Transactional
    public Programme update(String code, ProgrammeRequest request, Integer ifMatch) {
        Programme p = get(code);
        if (!caller.isCentral() && !p.leadDepartment.equals(caller.requireDepartment())) {
            throw ProblemException.forbidden("Only the lead department (" + p.leadDepartment
                    + ") or the Treasury may change this programme");
        }
        Integer expected = ifMatch != null ? ifMatch : request.version();
        if (expected == null) {
            throw ProblemException.invalid("version", "is required to change a programme (or send If-Match)");
        }
        if (expected != p.version) {
            throw ProblemException.preconditionFailed("Programme " + p.code + " is at version " + p.version
                    + ", not " + expected + ": read it again and retry");
        }
        if (!request.code().equals(p.code)) {
            throw ProblemException.invalid("code", "cannot be changed");
        }
        if (request.leadDepartment() != null && !request.leadDepartment().equalsIgnoreCase(p.leadDepartment)) {
            throw ProblemException.invalid("leadDepartment", "cannot be changed");
        }
        apply(p, request);
        programmes.flush();
        feed.append("ProgrammeChanged", "Programme", p.code, departmentsOf(p), ProgrammeView.of(p), caller.name());
        return p;
    }

    private void apply(Programme p, ProgrammeRequest request) {
        Set<String> contributors = new TreeSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.contributors() != null) {
            for (String c : request.contributors()) {
                String code = c == null ? "" : c.toUpperCase(Locale.ROOT);
                if (!departments.exists(code)) {
                    problems.add(new FieldProblem("contributors", "'" + c + "' is not a known department code"));
                } else if (code.equals(p.leadDepartment)) {
                    problems.add(new FieldProblem("contributors", "the lead department cannot also contribute"));
                } else {
                    contributors.add(code);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        p.name = request.name().trim();
        p.contributors.clear();
        p.contributors.addAll(contributors);
        p.status = request.status() == null ? Programme.Status.ACTIVE : request.status();
        p.updatedBy = caller.name();
        p.updatedAt = OffsetDateTime.now();
    }

    private String leadFor(ProgrammeRequest request) {
        if (caller.isCentral()) {
            if (request.leadDepartment() == null || !departments.exists(request.leadDepartment().toUpperCase(Locale.ROOT))) {
                throw ProblemException.invalid("leadDepartment", "must be a known department code");
            }
            return request.leadDepartment().toUpperCase(Locale.ROOT);
        }
        String own = caller.requireDepartment();
        if (request.leadDepartment() != null && !request.leadDepartment().equalsIgnoreCase(own)) {
            throw ProblemException.invalid("leadDepartment", "a department can only create its own programmes");
        }
        return own;
    }

    static List<String> departmentsOf(Programme p) {
        List<String> out = new ArrayList<>();
        out.add(p.leadDepartment);
        out.addAll(p.contributors);
        return out;
    }
}
