package uk.gov.spendingcontrol.delegation.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.Versions;
import uk.gov.spendingcontrol.delegation.ServiceClock;
import uk.gov.spendingcontrol.delegation.engine.ApprovalNeeded;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;

/**
 * Approvals of submitted proposals. Each goes to the central body its rules name (limits, novel, contentious and
 * repercussive: the Treasury; spend controls: the Cabinet Office; conditions: the body they name), and is decided by
 * that body's approver role (treasury-approver, cabinet-office-admin) once: approved, perhaps with conditions, or
 * rejected with a comment.
 */
@ApplicationScoped
public class ApprovalService {

    public static final String AGGREGATE = "Approval";

    private final ApprovalRepository approvals;
    private final ChangeFeed feed;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public ApprovalService(ApprovalRepository approvals, ChangeFeed feed, Caller caller, ObjectMapper json,
            ServiceClock clock) {
        this.approvals = approvals;
        this.feed = feed;
        this.caller = caller;
        this.json = json;
        this.clock = clock.clock();
    }

    /** Opens the approvals a submitted proposal needs; runs inside the decision's transaction. */
    public List<ApprovalView> open(UUID decision, String department, List<ApprovalNeeded> needed) {
        List<ApprovalView> out = new ArrayList<>(needed.size());
        for (ApprovalNeeded n : needed) {
            ApprovalRecord a = new ApprovalRecord();
            a.id = UUID.randomUUID();
            a.decisionId = decision;
            a.departmentCode = department;
            a.approver = n.approver();
            a.spendControls = write(n.spendControls());
            a.rules = write(n.rules());
            a.status = ApprovalStatus.PENDING;
            a.revision = 1;
            a.conditions = "[]";
            approvals.persist(a);
            approvals.flush();
            approvals.getEntityManager().refresh(a);
            ApprovalView view = view(a);
            feed.append("ApprovalOpened", AGGREGATE, a.id.toString(), List.of(department), view, caller.name());
            out.add(view);
        }
        return out;
    }

    @Transactional
    public List<ApprovalView> list(String department, CentralBody approver, ApprovalStatus status, PageRequest page) {
        String scope = caller.departmentScope(department);
        return approvals.pageAfter(scope, approver, status, page.afterId(), page.limit() + 1).stream().map(this::view)
                .toList();
    }

    @Transactional
    public ApprovalView get(UUID id) {
        ApprovalRecord a = approvals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Approval", id));
        if (!caller.mayRead(a.departmentCode)) {
            throw ProblemException.notFound("Approval", id);
        }
        return view(a);
    }

    public List<ApprovalView> ofDecision(UUID decision) {
        return approvals.ofDecision(decision).stream().map(this::view).toList();
    }

    @Transactional
    public ApprovalView decide(UUID id, ApprovalDecision decision, String ifMatch) {
        ApprovalRecord a = approvals.lock(id).orElseThrow(() -> ProblemException.notFound("Approval", id));
        if (!caller.hasRole(a.approver.approverRole())) {
            throw ProblemException.forbidden("This approval is routed to the " + a.approver + ": only its approvers "
                    + "(role " + a.approver.approverRole() + ") decide it");
        }
        if (a.status != ApprovalStatus.PENDING) {
            throw ProblemException.conflict("This approval was " + a.status.name().toLowerCase() + " by "
                    + a.decidedBy + " at " + a.decidedAt + ": an approval is decided once");
        }
        Versions.require(ifMatch, "Approval " + id, a.revision);
        String comment = decision.comment() == null || decision.comment().isBlank() ? null : decision.comment().strip();
        List<String> conditions = decision.conditions() == null ? List.of()
                : decision.conditions().stream().map(String::strip).toList();
        switch (decision.outcome()) {
            case PENDING -> throw ProblemException.invalid("outcome", "must be APPROVED or REJECTED");
            case REJECTED -> {
                if (comment == null) {
                    throw ProblemException.invalid("comment", "is required to reject: say why, so that the "
                            + "department can act on it");
                }
                if (!conditions.isEmpty()) {
                    throw ProblemException.invalid("conditions", "are attached to an approval, not to a rejection");
                }
            }
            case APPROVED -> {
                // a comment and conditions are optional
            }
            default -> throw new IllegalStateException();
        }
        a.status = decision.outcome();
        a.decidedBy = caller.name();
        a.decidedAt = OffsetDateTime.now(clock);
        a.comment = comment;
        a.conditions = write(conditions);
        a.revision++;
        approvals.flush();
        ApprovalView view = view(a);
        feed.append("ApprovalDecided", AGGREGATE, a.id.toString(), List.of(a.departmentCode), view, caller.name());
        return view;
    }

    ApprovalView view(ApprovalRecord a) {
        OffsetDateTime end = a.decidedAt != null ? a.decidedAt : OffsetDateTime.now(clock);
        Duration age = a.openedAt == null ? Duration.ZERO : Duration.between(a.openedAt, end);
        List<String> conditions = read(a.conditions, new TypeReference<List<String>>() { });
        List<ApprovalView.Event> history = new ArrayList<>(2);
        history.add(new ApprovalView.Event("OPENED", a.openedAt, null, null, null));
        if (a.decidedAt != null) {
            history.add(new ApprovalView.Event(a.status.name(), a.decidedAt, a.decidedBy, a.comment,
                    conditions.isEmpty() ? null : conditions));
        }
        return new ApprovalView(a.id, a.decisionId, a.departmentCode, a.approver, a.approver.approverRole(),
                read(a.spendControls, new TypeReference<List<SpendCategory>>() { }),
                read(a.rules, new TypeReference<List<String>>() { }), a.status, a.revision, a.openedAt,
                Math.max(0, age.toSeconds()), Math.max(0, age.toDays()), a.decidedBy, a.decidedAt, a.comment,
                conditions, history, a.seq == null ? 0 : a.seq);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
