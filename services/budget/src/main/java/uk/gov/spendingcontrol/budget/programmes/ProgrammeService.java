package uk.gov.spendingcontrol.budget.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
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
import uk.gov.spendingcontrol.common.persistence.UniqueViolations;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.Versions;

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

    /**
     * Creates a programme. Its code begins with its lead department's code and a hyphen ({@code DFE-...}): a
     * department creates codes only in its own namespace, so a code that is taken is always one of the caller's own
     * programmes, and the 409 that says so reveals nothing of another department's (docs/architecture.md, "No answer
     * reveals another department's objects").
     */
    @Transactional
    public Programme create(ProgrammeRequest request) {
        String lead = leadFor(request);
        if (!request.code().startsWith(lead + "-")) {
            String message = "must begin with " + lead + "-, the code of its lead department";
            throw ProblemException.unprocessable("programme-code-namespace", "Code outside the lead department's codes",
                    "code: " + message, List.of(new FieldProblem("code", message, "LeadDepartmentPrefix")));
        }
        if (programmes.findByIdOptional(request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        Programme p = new Programme();
        p.code = request.code();
        p.leadDepartment = lead;
        p.createdBy = caller.name();
        p.createdAt = OffsetDateTime.now();
        apply(p, request);
        try {
            programmes.persistAndFlush(p);
        } catch (PersistenceException e) {
            if (UniqueViolations.violates(e, "programme_pkey")) {
                throw duplicate(request.code()); // created by a concurrent request in the meantime
            }
            throw e;
        }
        feed.append("ProgrammeCreated", "Programme", p.code, departmentsOf(p), ProgrammeView.of(p), caller.name());
        return p;
    }

    @Transactional
    public Programme update(String code, ProgrammeRequest request, String ifMatch) {
        int read = Versions.required(ifMatch);
        Programme p = get(code);
        if (!caller.isCentral() && !p.leadDepartment.equals(caller.requireDepartment())) {
            throw ProblemException.forbidden("Only the lead department (" + p.leadDepartment
                    + ") or the Treasury may change this programme");
        }
        Versions.check("Programme " + p.code, read, p.version);
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

    private static ProblemException duplicate(String code) {
        return new ProblemException(409, "conflict", "Conflict with the current state",
                "A programme with code '" + code + "' already exists",
                List.of(new FieldProblem("code", "is already used by another programme", "Unique")));
    }

    static List<String> departmentsOf(Programme p) {
        List<String> out = new ArrayList<>();
        out.add(p.leadDepartment);
        out.addAll(p.contributors);
        return out;
    }
}
