package uk.gov.spendingcontrol.delegation.impact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.delegation.ServiceClock;
import uk.gov.spendingcontrol.delegation.engine.ApprovalNeeded;
import uk.gov.spendingcontrol.delegation.engine.CompiledRuleSet;
import uk.gov.spendingcontrol.delegation.engine.DecisionEngine;
import uk.gov.spendingcontrol.delegation.engine.Evaluation;
import uk.gov.spendingcontrol.delegation.engine.Outcome;
import uk.gov.spendingcontrol.delegation.engine.Proposal;
import uk.gov.spendingcontrol.delegation.engine.RuleResult;
import uk.gov.spendingcontrol.delegation.rulesets.RuleBook;
import uk.gov.spendingcontrol.delegation.rulesets.RuleSetService;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/**
 * The impact of a draft: the department's recorded proposals (decisions asked as at the day they were recorded) of the
 * last N months, replayed twice: with the version the draft would replace and with the draft, each beside the
 * department's other rule sets as in force on the draft's effective date. Comparing two replays (not the recorded
 * answers) isolates what the draft changes from what other rule changes since the proposal already changed.
 */
@ApplicationScoped
public class ImpactService {

    /** The replay window: 12 months unless asked, at most 36. */
    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 36;
    static final int LISTED = 100;

    private final RuleSetService ruleSets;
    private final RuleBook book;
    private final EntityManager em;
    private final Clock clock;

    private final String table;

    public ImpactService(RuleSetService ruleSets, RuleBook book, EntityManager em, ServiceClock clock,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected schema name " + schema);
        }
        this.table = schema + ".decision";
        this.ruleSets = ruleSets;
        this.book = book;
        this.em = em;
        this.clock = clock.clock();
    }

    private record Row(UUID id, Proposal proposal) {
    }

    private record Replayed(Evaluation before, Evaluation after, List<String> sigBefore, List<String> sigAfter) {
    }

    @Transactional
    public ImpactView impact(UUID id, int number, Integer months) {
        long started = System.nanoTime();
        int window = months == null ? DEFAULT_MONTHS : months;
        if (window < 1 || window > MAX_MONTHS) {
            throw ProblemException.invalid("months", "must be between 1 and " + MAX_MONTHS);
        }
        RuleSetService.DraftOf d = ruleSets.draftForImpact(id, number);
        String department = d.set().departmentCode;
        LocalDate today = LocalDate.now(clock);
        LocalDate at = d.draft().effectiveFrom.isAfter(today) ? d.draft().effectiveFrom : today;
        CompiledRuleSet draft = book.compile(d.draft(), d.set().name);
        List<CompiledRuleSet> inForce = book.inForce(department, at);
        CompiledRuleSet baseline = inForce.stream().filter(s -> s.ref().ruleSetId().equals(d.set().id)).findFirst()
                .orElse(null);
        List<CompiledRuleSet> others = inForce.stream().filter(s -> s != baseline).toList();
        List<CompiledRuleSet> withBaseline = baseline == null ? others : inForce;
        List<CompiledRuleSet> withDraft = new ArrayList<>(others);
        withDraft.add(draft);
        OffsetDateTime since = OffsetDateTime.now(clock).minusMonths(window);
        List<Row> rows = load(department, since);

        Replayed[] results = new Replayed[rows.size()];
        IntStream.range(0, rows.size()).parallel().forEach(i -> {
            Proposal p = rows.get(i).proposal();
            List<DecisionEngine.Partial> parts = new ArrayList<>(others.size() + 1);
            for (CompiledRuleSet o : others) {
                parts.add(DecisionEngine.apply(p, o));
            }
            List<DecisionEngine.Partial> beforeParts = new ArrayList<>(parts);
            if (baseline != null) {
                beforeParts.add(DecisionEngine.apply(p, baseline));
            }
            parts.add(DecisionEngine.apply(p, draft));
            Evaluation before = DecisionEngine.combine(p, withBaseline, beforeParts);
            Evaluation after = DecisionEngine.combine(p, withDraft, parts);
            results[i] = new Replayed(before, after, signature(before), signature(after));
        });

        Map<SpendCategory, int[]> counts = new EnumMap<>(SpendCategory.class);
        Map<SpendCategory, BigDecimal> costs = new EnumMap<>(SpendCategory.class);
        List<ImpactView.Change> changes = new ArrayList<>();
        int changed = 0;
        int central = 0;
        int delegated = 0;
        int approvals = 0;
        for (int i = 0; i < results.length; i++) {
            Proposal p = rows.get(i).proposal();
            Replayed r = results[i];
            int[] c = counts.computeIfAbsent(p.category(), k -> new int[5]);
            c[0]++;
            if (r.before().outcome() == r.after().outcome() && r.sigBefore().equals(r.sigAfter())) {
                continue;
            }
            changed++;
            c[1]++;
            costs.merge(p.category(), p.wholeLifeCost(), BigDecimal::add);
            if (r.before().outcome() == Outcome.WITHIN_DELEGATION) {
                central++;
                c[2]++;
            } else if (r.after().outcome() == Outcome.WITHIN_DELEGATION) {
                delegated++;
                c[3]++;
            } else {
                approvals++;
                c[4]++;
            }
            if (changes.size() < LISTED) {
                Set<String> firedBefore = ruleIds(r.before(), d.set().id);
                Set<String> firedAfter = ruleIds(r.after(), d.set().id);
                List<String> now = firedAfter.stream().filter(x -> !firedBefore.contains(x)).toList();
                List<String> gone = firedBefore.stream().filter(x -> !firedAfter.contains(x)).toList();
                changes.add(new ImpactView.Change(rows.get(i).id(), p.category(), p.wholeLifeCost(),
                        new ImpactView.Side(r.before().outcome(), r.sigBefore()),
                        new ImpactView.Side(r.after().outcome(), r.sigAfter()), now, gone));
            }
        }
        List<ImpactView.CategoryTotal> byCategory = new ArrayList<>();
        counts.forEach((category, c) -> byCategory.add(new ImpactView.CategoryTotal(category, c[0], c[1], c[2], c[3],
                c[4], costs.getOrDefault(category, BigDecimal.ZERO.setScale(2)))));
        return new ImpactView(d.set().id, d.set().name, department, d.draft().number,
                baseline == null ? null : baseline.ref().version(), at, window, since, rows.size(), changed, central,
                delegated, approvals, byCategory, changes, changed > changes.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The approvals as "TREASURY" or "CABINET_OFFICE:DIGITAL_AND_TECHNOLOGY,PROPERTY", sorted. */
    private static List<String> signature(Evaluation e) {
        List<String> out = new ArrayList<>(e.approvals().size());
        for (ApprovalNeeded a : e.approvals()) {
            out.add(a.spendControls().isEmpty() ? a.approver().name() : a.approver() + ":"
                    + String.join(",", a.spendControls().stream().map(Enum::name).sorted().toList()));
        }
        out.sort(null);
        return out;
    }

    private static Set<String> ruleIds(Evaluation e, UUID ruleSet) {
        Set<String> out = new LinkedHashSet<>();
        for (RuleResult r : e.fired()) {
            if (ruleSet.equals(r.ruleSetId())) {
                out.add(r.ruleId());
            }
        }
        return out;
    }

    /** The recorded proposals, read with one streamed query on the transaction's connection. */
    private List<Row> load(String department, OffsetDateTime since) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT id, category, whole_life_cost, annual_cost,"
                    + " stage, novel, contentious, repercussive, programme, description FROM " + table
                    + " WHERE department_code = ? AND live AND recorded_at >= ? ORDER BY seq")) {
                s.setFetchSize(5000);
                s.setString(1, department);
                s.setObject(2, since);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String stage = r.getString(5);
                        rows.add(new Row(r.getObject(1, UUID.class), new Proposal(department,
                                SpendCategory.valueOf(r.getString(2)), r.getBigDecimal(3), r.getBigDecimal(4),
                                stage == null ? null : Stage.valueOf(stage), r.getBoolean(6), r.getBoolean(7),
                                r.getBoolean(8), r.getString(9), r.getString(10))));
                    }
                }
            }
            return rows;
        });
    }
}
