package uk.gov.spendingcontrol.delegation.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.delegation.ServiceClock;
import uk.gov.spendingcontrol.delegation.approvals.ApprovalService;
import uk.gov.spendingcontrol.delegation.approvals.ApprovalStatus;
import uk.gov.spendingcontrol.delegation.approvals.ApprovalView;
import uk.gov.spendingcontrol.delegation.engine.DecisionEngine;
import uk.gov.spendingcontrol.delegation.engine.Evaluation;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.engine.Proposal;
import uk.gov.spendingcontrol.delegation.rulesets.RuleBook;

/**
 * Decisions: applies the rule sets in force for the department as at a date (today unless asked otherwise), records
 * the decision with its explanation, and, when the department submits a proposal that needs approval, opens the
 * approvals. Every decision is recorded; submitted ones (and their approvals) go to the change feed.
 */
@ApplicationScoped
public class DecisionService {

    public static final String AGGREGATE = "Decision";
    private static final Pattern DEPARTMENT = Pattern.compile("^[A-Z][A-Z0-9]{1,15}$");

    private final DecisionRepository decisions;
    private final RuleBook book;
    private final ApprovalService approvals;
    private final ChangeFeed feed;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public DecisionService(DecisionRepository decisions, RuleBook book, ApprovalService approvals, ChangeFeed feed,
            Caller caller, ObjectMapper json, ServiceClock clock) {
        this.decisions = decisions;
        this.book = book;
        this.approvals = approvals;
        this.feed = feed;
        this.caller = caller;
        this.json = json;
        this.clock = clock.clock();
    }

    @Transactional
    public DecisionView decide(DecisionRequest request) {
        String department = department(request.department());
        LocalDate today = LocalDate.now(clock);
        LocalDate asAt = request.asAt() == null ? today : request.asAt();
        if (asAt.getYear() < 2000 || asAt.getYear() > 2099) {
            throw ProblemException.invalid("asAt", "must be a date from 2000-01-01 to 2099-12-31");
        }
        boolean submit = Boolean.TRUE.equals(request.submit());
        if (submit) {
            if (!caller.hasRole(Roles.DEPARTMENT_EDITOR) && !caller.hasRole(Roles.DEPARTMENT_SYSTEM)
                    || caller.department().isEmpty()) {
                throw ProblemException.forbidden("Only a department's editors and systems submit its proposals for "
                        + "approval; you may ask for a decision without submitting it");
            }
            if (!asAt.equals(today)) {
                throw ProblemException.invalid("submit", "a proposal is submitted under the rules in force today: "
                        + "leave asAt out to submit");
            }
        }
        Proposal proposal = new Proposal(department, request.category(),
                request.wholeLifeCost().setScale(2, RoundingMode.UNNECESSARY),
                request.annualCost().setScale(2, RoundingMode.UNNECESSARY), request.stage(), request.novel(),
                request.contentious(), request.repercussive(), blankToNull(request.programme()),
                blankToNull(request.description()));
        Evaluation evaluation = DecisionEngine.decide(proposal, book.inForce(department, asAt));

        DecisionRecord d = new DecisionRecord();
        d.id = UUID.randomUUID();
        d.departmentCode = department;
        d.category = proposal.category();
        d.wholeLifeCost = proposal.wholeLifeCost();
        d.annualCost = proposal.annualCost();
        d.stage = proposal.stage();
        d.novel = proposal.novel();
        d.contentious = proposal.contentious();
        d.repercussive = proposal.repercussive();
        d.programme = proposal.programme();
        d.description = proposal.description();
        d.asAt = asAt;
        d.live = asAt.equals(today);
        d.submitted = submit;
        d.outcome = evaluation.outcome();
        d.explanation = write(evaluation);
        d.recordedBy = caller.name();
        decisions.persist(d);
        decisions.flush();
        decisions.getEntityManager().refresh(d);
        List<ApprovalView> opened = submit && evaluation.outcome() == Outcome.NEEDS_APPROVAL
                ? approvals.open(d.id, department, evaluation.approvals()) : List.of();
        DecisionView view = view(d, evaluation, opened);
        if (submit) {
            feed.append("ProposalSubmitted", AGGREGATE, d.id.toString(), List.of(department), view, d.recordedBy);
        }
        return view;
    }

    @Transactional
    public DecisionView get(UUID id) {
        DecisionRecord d = decisions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Decision", id));
        if (!caller.mayRead(d.departmentCode)) {
            throw ProblemException.notFound("Decision", id);
        }
        return view(d, read(d), approvals.ofDecision(d.id));
    }

    @Transactional
    public List<DecisionView> list(String department, Boolean submitted, PageRequest page) {
        return decisions.pageBefore(caller.departmentScope(department), submitted, page.afterId(), page.limit() + 1).stream()
                .map(d -> view(d, read(d), approvals.ofDecision(d.id))).toList();
    }

    /** Central roles name the department (a what-if); a department asks for its own, from its token. */
    private String department(String named) {
        String wanted = named == null || named.isBlank() ? null : named.trim().toUpperCase(Locale.ROOT);
        if (caller.department().isEmpty()) {
            if (!caller.isCentral()) {
                throw ProblemException.forbidden("Your token carries no department");
            }
            if (wanted == null) {
                throw ProblemException.invalid("department", "is required for central roles: name the department "
                        + "whose rules apply");
            }
            if (!DEPARTMENT.matcher(wanted).matches()) {
                throw ProblemException.invalid("department", "'" + named + "' is not a department code such as DHSC");
            }
            return wanted;
        }
        String own = caller.department().get();
        if (wanted != null && !wanted.equals(own)) {
            throw ProblemException.notFound("Department", named);
        }
        return own;
    }

    static ProposalStatus status(DecisionRecord d, List<ApprovalView> approvals) {
        if (d.outcome == Outcome.WITHIN_DELEGATION) {
            return ProposalStatus.WITHIN_DELEGATION;
        }
        if (!d.submitted) {
            return ProposalStatus.NOT_SUBMITTED;
        }
        if (approvals.stream().anyMatch(a -> a.status() == ApprovalStatus.REJECTED)) {
            return ProposalStatus.REJECTED;
        }
        return approvals.stream().allMatch(a -> a.status() == ApprovalStatus.APPROVED) ? ProposalStatus.APPROVED
                : ProposalStatus.PENDING;
    }

    private DecisionView view(DecisionRecord d, Evaluation e, List<ApprovalView> opened) {
        return new DecisionView(d.id, d.departmentCode, new DecisionView.Proposal(d.category, d.wholeLifeCost,
                d.annualCost, d.stage, d.novel, d.contentious, d.repercussive, d.programme, d.description), d.asAt,
                d.submitted, d.outcome, status(d, opened), e.approvals(), e.fired(), e.within(), e.versions(),
                d.submitted ? opened : null, d.recordedBy, d.recordedAt, d.seq);
    }

    private Evaluation read(DecisionRecord d) {
        try {
            return json.readValue(d.explanation, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation of decision " + d.id + " is not readable", e);
        }
    }

    private String write(Evaluation e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
