-- Demo data (inserted only when SC_DEMO_DATA=true, Flyway placeholder 'demo'): for DHSC, DFE and DEFRA, a Treasury
-- rule set 'delegated-authority' and a Cabinet Office rule set 'spend-controls', each with a first version approved by
-- a checker other than its maker, in force from 2026-04-01. The first model's demo delegations (capital projects
-- £30m-£50m, digital and technology £5m to a Cabinet Office spend control, consultancy £600k; DEFRA with no property
-- limit) carried over to the new model.
-- ILLUSTRATIVE ONLY: the figures are of the order of real delegated limits, but NOT any department's official ones.
-- Idempotent: a department that already has a rule set of that name is left alone. Each new rule set and version is
-- written to the change feed in the same statement, as the service writes them (payloads abridged to the ids).
DO $demo$
DECLARE
  d record;
  set_id uuid;
  version_id uuid;
  rules jsonb;
BEGIN
  IF '${demo}' <> 'true' THEN
    RETURN;
  END IF;
  FOR d IN SELECT * FROM (VALUES
      ('DHSC',  50000000.00, 40000000.00, 20000000.00, 10000000.00),
      ('DFE',   30000000.00, 30000000.00, 15000000.00,  5000000.00),
      ('DEFRA', 35000000.00, 20000000.00, 10000000.00, NULL)
    ) AS t (dept, capital, resource, commercial, property)
  LOOP
    -- the Treasury's delegated authority limits
    IF NOT EXISTS (SELECT 1 FROM rule_set WHERE department_code = d.dept AND name = 'delegated-authority') THEN
      set_id := gen_random_uuid();
      version_id := gen_random_uuid();
      rules := jsonb_build_object(
        'limits', jsonb_build_array(
            jsonb_build_object('id', 'capital', 'category', 'CAPITAL_PROJECT', 'wholeLifeCost', d.capital, 'approver', 'TREASURY'),
            jsonb_build_object('id', 'capital-soc', 'category', 'CAPITAL_PROJECT', 'stage', 'STRATEGIC_OUTLINE_CASE',
                               'wholeLifeCost', round(d.capital / 2, 2), 'approver', 'TREASURY'),
            jsonb_build_object('id', 'resource', 'category', 'RESOURCE_PROGRAMME', 'wholeLifeCost', d.resource, 'approver', 'TREASURY'),
            jsonb_build_object('id', 'commercial', 'category', 'COMMERCIAL', 'wholeLifeCost', d.commercial, 'approver', 'TREASURY'),
            jsonb_build_object('id', 'digital', 'category', 'DIGITAL_AND_TECHNOLOGY', 'wholeLifeCost', d.resource, 'approver', 'TREASURY'),
            jsonb_build_object('id', 'consultancy', 'category', 'CONSULTANCY', 'wholeLifeCost', 10000000.00, 'approver', 'TREASURY'))
          || CASE WHEN d.property IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
            jsonb_build_object('id', 'property', 'category', 'PROPERTY', 'wholeLifeCost', d.property, 'approver', 'TREASURY')) END,
        'spendControls', '[]'::jsonb,
        'conditions', jsonb_build_array(jsonb_build_object('id', 'front-loaded-capital',
            'expression', 'category == ''CAPITAL_PROJECT'' && annualCost > 0.5 * wholeLifeCost && wholeLifeCost > 5000000',
            'approver', 'TREASURY', 'reason', 'Capital spending front-loaded into one year above £5m')));
      INSERT INTO rule_set (id, department_code, name, title, owner, revision, created_by)
        VALUES (set_id, d.dept, 'delegated-authority', d.dept || ' delegated authority (illustrative demo figures)',
                'TREASURY', 1, 'demo-data');
      INSERT INTO rule_set_version (id, rule_set_id, department_code, number, status, effective_from, rules, rule_count,
                                    note, revision, makers, drafted_by, approved_by, approved_at)
        VALUES (version_id, set_id, d.dept, 1, 'APPROVED', DATE '2026-04-01', rules,
                jsonb_array_length(rules->'limits') + 1, 'Delegation letter 2026 (illustrative demo figures)', 1,
                '["demo-treasury-maker"]', 'demo-treasury-maker', 'demo-treasury-checker', clock_timestamp());
      INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by)
        VALUES (gen_random_uuid(), 'RuleSetCreated', 'RuleSet', set_id::text, ARRAY[d.dept]::varchar(16)[],
                jsonb_build_object('id', set_id, 'department', d.dept, 'name', 'delegated-authority', 'owner', 'TREASURY'),
                'demo-data'),
               (gen_random_uuid(), 'RuleSetVersionApproved', 'RuleSet', set_id::text, ARRAY[d.dept]::varchar(16)[],
                jsonb_build_object('ruleSetId', set_id, 'department', d.dept, 'ruleSet', 'delegated-authority',
                                   'number', 1, 'status', 'APPROVED', 'effectiveFrom', '2026-04-01', 'rules', rules),
                'demo-data');
    END IF;
    -- the Cabinet Office's spend controls
    IF NOT EXISTS (SELECT 1 FROM rule_set WHERE department_code = d.dept AND name = 'spend-controls') THEN
      set_id := gen_random_uuid();
      version_id := gen_random_uuid();
      rules := jsonb_build_object(
        'limits', '[]'::jsonb,
        'spendControls', jsonb_build_array(
            jsonb_build_object('id', 'digital-and-technology', 'category', 'DIGITAL_AND_TECHNOLOGY', 'wholeLifeCost', 5000000.00, 'approver', 'CABINET_OFFICE'),
            jsonb_build_object('id', 'consultancy', 'category', 'CONSULTANCY', 'wholeLifeCost', 600000.00, 'approver', 'CABINET_OFFICE'),
            jsonb_build_object('id', 'advertising', 'category', 'ADVERTISING_AND_MARKETING', 'wholeLifeCost', 100000.00, 'approver', 'CABINET_OFFICE')),
        'conditions', '[]'::jsonb);
      INSERT INTO rule_set (id, department_code, name, title, owner, revision, created_by)
        VALUES (set_id, d.dept, 'spend-controls', d.dept || ' Cabinet Office spend controls (illustrative demo figures)',
                'CABINET_OFFICE', 1, 'demo-data');
      INSERT INTO rule_set_version (id, rule_set_id, department_code, number, status, effective_from, rules, rule_count,
                                    note, revision, makers, drafted_by, approved_by, approved_at)
        VALUES (version_id, set_id, d.dept, 1, 'APPROVED', DATE '2026-04-01', rules, 3,
                'Spend controls 2026 (illustrative demo figures)', 1, '["demo-co-maker"]', 'demo-co-maker',
                'demo-co-checker', clock_timestamp());
      INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by)
        VALUES (gen_random_uuid(), 'RuleSetCreated', 'RuleSet', set_id::text, ARRAY[d.dept]::varchar(16)[],
                jsonb_build_object('id', set_id, 'department', d.dept, 'name', 'spend-controls', 'owner', 'CABINET_OFFICE'),
                'demo-data'),
               (gen_random_uuid(), 'RuleSetVersionApproved', 'RuleSet', set_id::text, ARRAY[d.dept]::varchar(16)[],
                jsonb_build_object('ruleSetId', set_id, 'department', d.dept, 'ruleSet', 'spend-controls',
                                   'number', 1, 'status', 'APPROVED', 'effectiveFrom', '2026-04-01', 'rules', rules),
                'demo-data');
    END IF;
  END LOOP;
END
$demo$;
