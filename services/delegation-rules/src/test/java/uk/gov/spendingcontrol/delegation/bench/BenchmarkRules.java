package uk.gov.spendingcontrol.delegation.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import uk.gov.spendingcontrol.delegation.engine.Proposal;
import uk.gov.spendingcontrol.delegation.rulesets.CentralBody;
import uk.gov.spendingcontrol.delegation.rulesets.ConditionRule;
import uk.gov.spendingcontrol.delegation.rulesets.LimitRule;
import uk.gov.spendingcontrol.delegation.rulesets.Rules;
import uk.gov.spendingcontrol.delegation.rulesets.SpendCategory;
import uk.gov.spendingcontrol.delegation.rulesets.SpendControlRule;
import uk.gov.spendingcontrol.delegation.rulesets.Stage;

/**
 * The benchmarks' rules and proposals: 25 departments, each with a Treasury rule set (24 limits: every category at
 * every stage and at the strategic outline and outline stages, and 5 CEL conditions) and a Cabinet Office rule set (6
 * spend controls and 5 CEL conditions): 40 rules a department, 1,000 in all. Proposals are drawn with a fixed seed, so
 * every run asks the same questions.
 */
public final class BenchmarkRules {

    public static final int DEPARTMENTS = 25;
    public static final SpendCategory[] CATEGORIES = SpendCategory.values();
    static final SpendCategory[] CONTROLLED = {SpendCategory.DIGITAL_AND_TECHNOLOGY, SpendCategory.COMMERCIAL,
        SpendCategory.ADVERTISING_AND_MARKETING, SpendCategory.CONTINGENT_LABOUR, SpendCategory.PROPERTY,
        SpendCategory.CONSULTANCY};

    private BenchmarkRules() {
    }

    public static String department(int i) {
        return "BD" + (char) ('A' + i / 10) + (i % 10);
    }

    public static Rules treasury(int dept) {
        List<LimitRule> limits = new ArrayList<>();
        for (SpendCategory c : CATEGORIES) {
            String id = c.name().toLowerCase().replace('_', '-');
            BigDecimal base = BigDecimal.valueOf(10_000_000L + 1_000_000L * dept + 5_000_000L * c.ordinal());
            limits.add(new LimitRule(id, c, null, base, null, null));
            limits.add(new LimitRule(id + "-soc", c, Stage.STRATEGIC_OUTLINE_CASE, base.divide(BigDecimal.valueOf(2)),
                    null, null));
            limits.add(new LimitRule(id + "-obc", c, Stage.OUTLINE_BUSINESS_CASE, base,
                    base.divide(BigDecimal.TEN), null));
        }
        List<ConditionRule> conditions = List.of(
                new ConditionRule("large-soc", "stage == 'STRATEGIC_OUTLINE_CASE' && wholeLifeCost > 200000000",
                        CentralBody.TREASURY, null, "Major programmes are reviewed from their strategic outline case"),
                new ConditionRule("capital-annual", "category == 'CAPITAL_PROJECT' && annualCost > 0.4 * wholeLifeCost"
                        + " && wholeLifeCost > 5000000", CentralBody.TREASURY, null,
                        "Front-loaded capital spending"),
                new ConditionRule("pilot-programme", "programme.startsWith('PILOT-') && wholeLifeCost > 1000000",
                        CentralBody.TREASURY, null, "Pilots above £1m"),
                new ConditionRule("resource-long", "category == 'RESOURCE_PROGRAMME' && wholeLifeCost > 8.0 * annualCost"
                        + " && annualCost > 2000000", CentralBody.TREASURY, null, "Long resource commitments"),
                new ConditionRule("transfer", "description.contains('transfer') && wholeLifeCost > 500000",
                        CentralBody.TREASURY, null, "Transfers of functions"));
        return new Rules(limits, List.of(), conditions);
    }

    public static Rules cabinetOffice(int dept) {
        List<SpendControlRule> controls = new ArrayList<>();
        for (SpendCategory c : CONTROLLED) {
            controls.add(new SpendControlRule(c.name().toLowerCase().replace('_', '-'), c,
                    BigDecimal.valueOf(5_000_000L + 100_000L * dept), null, null));
        }
        List<ConditionRule> conditions = List.of(
                new ConditionRule("dat-soc", "category == 'DIGITAL_AND_TECHNOLOGY' && stage == 'STRATEGIC_OUTLINE_CASE'"
                        + " && wholeLifeCost > 1000000", CentralBody.CABINET_OFFICE,
                        SpendCategory.DIGITAL_AND_TECHNOLOGY, "Digital assurance from the start"),
                new ConditionRule("advertising-any", "category == 'ADVERTISING_AND_MARKETING' && annualCost > 100000",
                        CentralBody.CABINET_OFFICE, SpendCategory.ADVERTISING_AND_MARKETING, "Campaigns above £100k a year"),
                new ConditionRule("labour-long", "category == 'CONTINGENT_LABOUR' && wholeLifeCost > 2.0 * annualCost",
                        CentralBody.CABINET_OFFICE, SpendCategory.CONTINGENT_LABOUR, "Contingent labour beyond two years"),
                new ConditionRule("property-lease", "category == 'PROPERTY' && description.contains('lease')",
                        CentralBody.CABINET_OFFICE, SpendCategory.PROPERTY, "New leases"),
                new ConditionRule("consultancy-repeat", "category == 'CONSULTANCY' && programme != '' && novel",
                        CentralBody.CABINET_OFFICE, SpendCategory.CONSULTANCY, "Consultancy on novel programmes"));
        return new Rules(List.of(), controls, conditions);
    }

    /** A proposal drawn from the random source: mostly within delegation, some above, a few novel. */
    public static Proposal proposal(SplittableRandom random) {
        int dept = random.nextInt(DEPARTMENTS);
        SpendCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        long wholeLife = (long) Math.exp(random.nextDouble(Math.log(50_000), Math.log(400_000_000)));
        long annual = wholeLife / (1 + random.nextInt(10));
        int s = random.nextInt(4);
        Stage stage = s == 3 ? null : Stage.values()[s];
        String[] programmes = {"", "HOSP-2030", "PILOT-7", "SCHOOLS-1"};
        String[] descriptions = {"", "new office lease", "transfer of functions", "system replacement"};
        return new Proposal(department(dept), category, BigDecimal.valueOf(wholeLife * 100 + random.nextInt(100), 2),
                BigDecimal.valueOf(annual), stage, random.nextInt(50) == 0, random.nextInt(100) == 0,
                random.nextInt(100) == 0, programmes[random.nextInt(programmes.length)],
                descriptions[random.nextInt(descriptions.length)]);
    }
}
