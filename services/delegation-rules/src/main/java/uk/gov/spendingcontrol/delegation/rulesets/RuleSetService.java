package uk.gov.spendingcontrol.delegation.rulesets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.paging.PageRequest;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.security.Caller;
import uk.gov.spendingcontrol.common.web.Versions;
import uk.gov.spendingcontrol.delegation.ServiceClock;

/**
 * Rule sets and their versions: maker and checker, effective dates, history. Every change locks the rule set's row
 * first, so changes of one rule set (and of its versions) happen one at a time; each is appended to the change feed in
 * its transaction.
 */
@ApplicationScoped
public class RuleSetService {

    public static final String AGGREGATE = "RuleSet";

    private final RuleSetRepository ruleSets;
    private final RuleSetVersionRepository versions;
    private final RuleBook book;
    private final ChangeFeed feed;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public RuleSetService(RuleSetRepository ruleSets, RuleSetVersionRepository versions, RuleBook book, ChangeFeed feed,
            Caller caller, ObjectMapper json, ServiceClock clock) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.book = book;
        this.feed = feed;
        this.caller = caller;
        this.json = json;
        this.clock = clock.clock();
    }

    // ---- reads

    @Transactional
    public List<RuleSetView> list(String department, PageRequest page) {
        return ruleSets.pageAfter(caller.departmentScope(department), page.after(), page.limit() + 1).stream().map(this::view).toList();
    }

    @Transactional
    public RuleSetView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public List<VersionView> versions(UUID id, PageRequest page) {
        RuleSet set = visible(id);
        return versions.versionsAfter(set.id, page.afterId(), page.limit() + 1).stream().map(v -> view(set, v))
                .toList();
    }

    @Transactional
    public VersionView version(UUID id, int number) {
        RuleSet set = visible(id);
        return view(set, find(set, number));
    }

    @Transactional
    public RulesDiff diff(UUID id, int number) {
        RuleSet set = visible(id);
        RuleSetVersion v = find(set, number);
        RuleSetVersion before = predecessor(v);
        return RulesDiff.of(json, set.id, v.number, before == null ? null : before.number,
                before == null ? null : before.effectiveFrom, v.effectiveFrom,
                before == null ? null : book.rules(before), book.rules(v));
    }

    // ---- writes

    @Transactional
    public RuleSetView create(NewRuleSet request) {
        manage(request.owner(), "create a rule set owned by " + request.owner());
        RuleSet set = new RuleSet();
        set.id = UUID.randomUUID();
        set.departmentCode = request.department();
        set.name = request.name();
        set.title = request.title().strip();
        set.owner = request.owner();
        set.revision = 1;
        set.createdBy = caller.name();
        if (ruleSets.count("departmentCode = ?1 and name = ?2", set.departmentCode, set.name) > 0) {
            throw ProblemException.conflict(set.departmentCode + " already has a rule set named '" + set.name + "'");
        }
        ruleSets.persistAndFlush(set);
        ruleSets.getEntityManager().refresh(set);
        RuleSetView view = view(set);
        feed.append("RuleSetCreated", AGGREGATE, set.id.toString(), List.of(set.departmentCode), view, set.createdBy);
        return view;
    }

    @Transactional
    public RuleSetView changeOwner(UUID id, OwnerChange change, String ifMatch) {
        RuleSet set = lock(id);
        manage(set.owner, "hand over rule set " + set.name + " of " + set.departmentCode);
        Versions.require(ifMatch, "Rule set " + set.name + " of " + set.departmentCode, set.revision);
        if (change.owner() == set.owner) {
            throw ProblemException.invalid("owner", "is already " + set.owner + ": name the new owner");
        }
        RuleSetOwnerChange record = new RuleSetOwnerChange();
        record.ruleSetId = set.id;
        record.fromOwner = set.owner;
        record.toOwner = change.owner();
        record.reason = change.reason().strip();
        record.changedBy = caller.name();
        ruleSets.getEntityManager().persist(record);
        set.owner = change.owner();
        set.revision++;
        ruleSets.flush();
        ruleSets.getEntityManager().refresh(record);
        RuleSetView view = view(set);
        feed.append("RuleSetOwnerChanged", AGGREGATE, set.id.toString(), List.of(set.departmentCode), view,
                caller.name());
        return view;
    }

    @Transactional
    public VersionView draft(UUID id, VersionDraft draft) {
        RuleSet set = lock(id);
        manage(set.owner, "draft a version of rule set " + set.name + " of " + set.departmentCode);
        Rules rules = checked(draft);
        versions.openDraft(set.id).ifPresent(open -> {
            throw ProblemException.conflict("Rule set " + set.name + " of " + set.departmentCode + " already has a "
                    + "draft, version " + open.number + ": edit it, approve it or withdraw it before drafting another");
        });
        checkEffectiveDate(set, draft.effectiveFrom());
        RuleSetVersion v = new RuleSetVersion();
        v.id = UUID.randomUUID();
        v.ruleSetId = set.id;
        v.departmentCode = set.departmentCode;
        v.number = versions.lastNumber(set.id) + 1;
        v.status = VersionStatus.DRAFT;
        v.effectiveFrom = draft.effectiveFrom();
        v.rules = book.write(rules);
        v.ruleCount = rules.size();
        v.note = draft.note().strip();
        v.revision = 1;
        v.makers = book.write(List.of(caller.name()));
        v.draftedBy = caller.name();
        v.updatedAt = OffsetDateTime.now(clock);
        versions.persistAndFlush(v);
        versions.getEntityManager().refresh(v);
        return changed(set, v, "RuleSetVersionDrafted");
    }

    @Transactional
    public VersionView edit(UUID id, int number, VersionDraft draft, String ifMatch) {
        RuleSet set = lock(id);
        manage(set.owner, "edit a draft of rule set " + set.name + " of " + set.departmentCode);
        RuleSetVersion v = draftOf(set, number, "edited");
        Versions.require(ifMatch, "Draft version " + number + " of " + set.name, v.revision);
        Rules rules = checked(draft);
        checkEffectiveDate(set, draft.effectiveFrom());
        v.effectiveFrom = draft.effectiveFrom();
        v.rules = book.write(rules);
        v.ruleCount = rules.size();
        v.note = draft.note().strip();
        v.revision++;
        List<String> makers = makers(v);
        if (!makers.contains(caller.name())) {
            makers.add(caller.name());
        }
        v.makers = book.write(makers);
        v.updatedAt = OffsetDateTime.now(clock);
        versions.flush();
        return changed(set, v, "RuleSetVersionEdited");
    }

    @Transactional
    public VersionView approve(UUID id, int number, String ifMatch) {
        RuleSet set = lock(id);
        manage(set.owner, "approve a version of rule set " + set.name + " of " + set.departmentCode);
        RuleSetVersion v = draftOf(set, number, "approved");
        Versions.require(ifMatch, "Draft version " + number + " of " + set.name, v.revision);
        if (makers(v).contains(caller.name())) {
            throw ProblemException.forbidden("You drafted or edited version " + number + " of " + set.name + " of "
                    + set.departmentCode + ": another administrator of the " + set.owner + " must approve it "
                    + "(maker and checker)");
        }
        checkEffectiveDate(set, v.effectiveFrom);
        // the rules are checked again: the condition language or the fields may have changed since it was drafted
        Rules rules = book.rules(v);
        List<FieldProblem> problems = RulesCheck.check(rules, "rules");
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("rules-no-longer-valid", "Rules no longer valid", "Version " + number
                    + " no longer passes the checks: edit it first", problems);
        }
        v.status = VersionStatus.APPROVED;
        v.approvedBy = caller.name();
        v.approvedAt = OffsetDateTime.now(clock);
        v.updatedAt = v.approvedAt;
        versions.flush();
        return changed(set, v, "RuleSetVersionApproved");
    }

    @Transactional
    public VersionView withdraw(UUID id, int number, String ifMatch) {
        RuleSet set = lock(id);
        manage(set.owner, "withdraw a draft of rule set " + set.name + " of " + set.departmentCode);
        RuleSetVersion v = draftOf(set, number, "withdrawn");
        Versions.require(ifMatch, "Draft version " + number + " of " + set.name, v.revision);
        v.status = VersionStatus.WITHDRAWN;
        v.withdrawnBy = caller.name();
        v.withdrawnAt = OffsetDateTime.now(clock);
        v.updatedAt = v.withdrawnAt;
        versions.flush();
        return changed(set, v, "RuleSetVersionWithdrawn");
    }

    // ---- for the impact replay

    /** The draft (checked for access as a central reader) and its rule set. */
    public record DraftOf(RuleSet set, RuleSetVersion draft) {
    }

    public DraftOf draftForImpact(UUID id, int number) {
        RuleSet set = visible(id);
        RuleSetVersion v = find(set, number);
        if (v.status != VersionStatus.DRAFT) {
            throw ProblemException.conflict("Version " + number + " of " + set.name + " is " + v.status
                    + ": the impact is worked out for a draft, before it is approved");
        }
        return new DraftOf(set, v);
    }

    // ---- helpers

    private VersionView changed(RuleSet set, RuleSetVersion v, String event) {
        VersionView view = view(set, v);
        feed.append(event, AGGREGATE, set.id.toString(), List.of(set.departmentCode), view, caller.name());
        return view;
    }

    /** The rules of a draft, checked (400 with every problem), money at two decimals, approvers filled in. */
    private Rules checked(VersionDraft draft) {
        List<FieldProblem> problems = RulesCheck.check(draft.rules(), "rules");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() == 1 ? problems.get(0).field() + ": "
                    + problems.get(0).message() : problems.size() + " problems with the rules", problems);
        }
        Rules r = draft.rules().withDefaults();
        return new Rules(
                r.limits().stream().map(l -> new LimitRule(l.id(), l.category(), l.stage(), pounds(l.wholeLifeCost()),
                        pounds(l.annualCost()), l.approver())).toList(),
                r.spendControls().stream().map(c -> new SpendControlRule(c.id(), c.category(),
                        pounds(c.wholeLifeCost()), pounds(c.annualCost()), c.approver())).toList(),
                r.conditions().stream().map(c -> new ConditionRule(c.id(), c.expression(), c.approver(),
                        c.spendControl(), c.reason().strip())).toList());
    }

    private static BigDecimal pounds(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Versions take effect in order, never retroactively: the effective date is today or later, and after the day the
     * last approved version takes effect. So what was in force on a past day never changes (see README, "as at").
     */
    private void checkEffectiveDate(RuleSet set, LocalDate effectiveFrom) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        if (effectiveFrom.isBefore(today)) {
            problems.add(new FieldProblem("effectiveFrom", "is before today (" + today + "): a version never takes "
                    + "effect in the past", "NotRetroactive"));
        }
        versions.lastApproved(set.id).ifPresent(last -> {
            if (!effectiveFrom.isAfter(last.effectiveFrom)) {
                problems.add(new FieldProblem("effectiveFrom", "must be after " + last.effectiveFrom + ", when version "
                        + last.number + " takes effect: versions take effect in order", "AfterLastApproved"));
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("effective-date", "Effective date not allowed",
                    "effectiveFrom " + effectiveFrom + ": " + problems.get(0).message(), problems);
        }
    }

    private RuleSetVersion draftOf(RuleSet set, int number, String verb) {
        RuleSetVersion v = find(set, number);
        if (v.status != VersionStatus.DRAFT) {
            throw ProblemException.conflict("Version " + number + " of " + set.name + " of " + set.departmentCode
                    + " is " + v.status + ": only a draft can be " + verb
                    + (v.status == VersionStatus.APPROVED ? " (an approved version never changes: draft a new one)" : ""));
        }
        return v;
    }

    private RuleSetVersion find(RuleSet set, int number) {
        return versions.version(set.id, number).orElseThrow(() -> ProblemException.notFound("Version " + number
                + " of rule set", set.id));
    }

    /** For an approved version, the approved one before it; for a draft, the last approved (what it would follow). */
    private RuleSetVersion predecessor(RuleSetVersion v) {
        return (v.status == VersionStatus.APPROVED ? versions.approvedBefore(v.ruleSetId, v.number)
                : versions.lastApproved(v.ruleSetId)).orElse(null);
    }

    private List<String> makers(RuleSetVersion v) {
        try {
            return new ArrayList<>(json.readValue(v.makers, new TypeReference<List<String>>() { }));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuleSet lock(UUID id) {
        RuleSet set = ruleSets.lock(id).orElseThrow(() -> ProblemException.notFound("Rule set", id));
        if (!caller.mayRead(set.departmentCode)) {
            throw ProblemException.notFound("Rule set", id);
        }
        return set;
    }

    private RuleSet visible(UUID id) {
        RuleSet set = ruleSets.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Rule set", id));
        if (!caller.mayRead(set.departmentCode)) {
            throw ProblemException.notFound("Rule set", id);
        }
        return set;
    }

    /** Only administrators of the owning body manage a rule set (403 naming who may). */
    private void manage(CentralBody owner, String what) {
        if (!caller.hasRole(owner.administratorRole())) {
            throw ProblemException.forbidden("Only administrators of the " + owner + " (role "
                    + owner.administratorRole() + ") may " + what);
        }
    }

    RuleSetView view(RuleSet set) {
        LocalDate today = LocalDate.now(clock);
        RuleSetView.InForce inForce = versions.inForce(set.id, today)
                .map(v -> new RuleSetView.InForce(v.number, v.effectiveFrom)).orElse(null);
        Integer draft = versions.openDraft(set.id).map(v -> v.number).orElse(null);
        List<RuleSetView.OwnerChangeView> history = ruleSets.getEntityManager().createQuery(
                "from RuleSetOwnerChange where ruleSetId = ?1 order by id", RuleSetOwnerChange.class)
                .setParameter(1, set.id).getResultList().stream().map(r -> new RuleSetView.OwnerChangeView(
                        r.fromOwner, r.toOwner, r.reason, r.changedBy, r.changedAt)).toList();
        return new RuleSetView(set.id, set.departmentCode, set.name, set.title, set.owner,
                set.owner.administratorRole(), set.revision, set.createdBy, set.createdAt, inForce, draft, history);
    }

    VersionView view(RuleSet set, RuleSetVersion v) {
        RuleSetVersion before = predecessor(v);
        return new VersionView(set.id, set.name, set.departmentCode, v.number, v.status, v.effectiveFrom, v.note,
                book.rules(v), v.ruleCount, v.revision, makers(v), v.draftedBy, v.draftedAt, v.updatedAt, v.approvedBy,
                v.approvedAt, v.withdrawnBy, v.withdrawnAt, before == null ? null : before.number);
    }
}
