-- Demo data, inserted only when SC_DEMO_DATA=true (through the Flyway placeholder 'demo'): published 2026-27 Outcome
-- Delivery Plans of DHSC, DFE and DEFRA, each with two priority outcomes, a metric each and enabler commitments (with
-- owners and due dates), two cross-cutting outcomes of the register with their contributors, and the register's change
-- events (the plans' revisions and events are written by the service at start-up: RevisionBackfill). Wording follows the style of the departments' published plans; baselines
-- and targets are illustrative, not official figures.
--
-- Idempotent: fixed ids, ON CONFLICT DO NOTHING, and children only under a plan that this script created. A published
-- plan is frozen, so a rerun never overwrites one; a department that already has its own 2026-27 plan keeps it.
-- Flyway reruns this script when the placeholder changes, so turning demo data on later loads it then.

INSERT INTO outcome_delivery_plan (id, department_code, financial_year, title, summary, status, version,
                                   created_by, created_at, updated_by, updated_at, published_by, published_at,
                                   revision, published_revision, published_title, submitted_by, submitted_at)
SELECT v.id::uuid, v.department_code, v.financial_year, v.title, v.summary, v.status, v.version, v.created_by,
       v.created_at::timestamptz, v.updated_by, v.updated_at::timestamptz, v.published_by, v.published_at::timestamptz,
       1, 1, v.title, v.created_by, v.published_at::timestamptz
FROM (VALUES
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 'DHSC', '2026-27',
     'Department of Health and Social Care Outcome Delivery Plan: 2026 to 2027',
     'How the Department of Health and Social Care will improve the nation''s health and get the NHS back on its feet '
         || 'in 2026-27: our priority outcomes, the metrics that track them and our commitments on workforce, '
         || 'technology, delivery and sustainability.',
     'PUBLISHED', 0, 'demo-data', '2026-03-02 09:00:00+00', 'demo-data', '2026-03-30 09:00:00+01',
     'demo-data', '2026-03-30 09:00:00+01'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 'DFE', '2026-27',
     'Department for Education Outcome Delivery Plan: 2026 to 2027',
     'How the Department for Education will break down barriers to opportunity in 2026-27, from the early years to '
         || 'school standards, and how we will know that it is working.',
     'PUBLISHED', 0, 'demo-data', '2026-03-02 09:00:00+00', 'demo-data', '2026-03-30 09:00:00+01',
     'demo-data', '2026-03-30 09:00:00+01'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 'DEFRA', '2026-27',
     'Department for Environment, Food and Rural Affairs Outcome Delivery Plan: 2026 to 2027',
     'How Defra will restore nature, clean up rivers, lakes and seas and protect communities from flooding in '
         || '2026-27, with the metrics that track our progress.',
     'PUBLISHED', 0, 'demo-data', '2026-03-02 09:00:00+00', 'demo-data', '2026-03-30 09:00:00+01',
     'demo-data', '2026-03-30 09:00:00+01')
) AS v (id, department_code, financial_year, title, summary, status, version, created_by, created_at, updated_by,
        updated_at, published_by, published_at)
WHERE '${demo}' = 'true'
ON CONFLICT DO NOTHING;

-- The register of cross-cutting outcomes (the budget service's demo joint bid names 'healthier-lives'), each
-- contributor with its part.
INSERT INTO cross_cutting_outcome (id, title, description, lead_department, status, created_by, created_at, updated_by,
                                   updated_at)
SELECT v.id, v.title, v.description, v.lead, 'ACTIVE', 'demo-data', '2026-03-02 09:00:00+00', 'demo-data',
       '2026-03-02 09:00:00+00'
FROM (VALUES
    ('healthier-lives', 'Healthier lives: more years lived in good health, for everyone',
     'Health, education and environment departments together: prevention, healthy schools and clean air and water.',
     'DHSC'),
    ('clean-rivers', 'Clean rivers, lakes and seas',
     'Cut sewage spills and farm run-off, and restore river habitats.', 'DEFRA')
) AS v (id, title, description, lead)
WHERE '${demo}' = 'true'
ON CONFLICT DO NOTHING;

INSERT INTO contribution (id, outcome_id, department_code, summary, programmes, added_by, added_at, updated_by,
                          updated_at)
SELECT v.id::uuid, v.outcome_id, v.department_code, v.summary, v.programmes::jsonb, 'demo-data',
       '2026-03-02 09:00:00+00', 'demo-data', '2026-03-02 09:00:00+00'
FROM (VALUES
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000d1', 'healthier-lives', 'DHSC',
     'Prevention: smoking, obesity and high blood pressure, most effort where healthy life expectancy is lowest.',
     '[]'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000d2', 'healthier-lives', 'DFE',
     'Healthy school environments: ventilation, air quality and school food.', '[]'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000d3', 'clean-rivers', 'DEFRA',
     'Hold water companies to account for storm overflow spills.', '[]')
) AS v (id, outcome_id, department_code, summary, programmes)
JOIN cross_cutting_outcome o ON o.id = v.outcome_id AND o.created_by = 'demo-data'
ON CONFLICT DO NOTHING;

INSERT INTO priority_outcome (id, plan_id, sort_order, title, description, cross_cutting_outcome)
SELECT v.id::uuid, v.plan_id::uuid, v.sort_order, v.title, v.description,
       (SELECT c.id FROM cross_cutting_outcome c WHERE c.id = CASE v.id
            WHEN '0d9e0c1a-5c1e-4c8e-9a51-2026000000a2' THEN 'healthier-lives'
            WHEN '0d9e0c1a-5c1e-4c8e-9a51-2026000000c2' THEN 'clean-rivers' END)
FROM (VALUES
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a2', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 0,
     'Improve healthy life expectancy and reduce the gap between the richest and poorest areas',
     'Prevent ill health by tackling the biggest causes of early death and disability, such as smoking, obesity and '
         || 'high blood pressure, with most effort where healthy life expectancy is lowest.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a3', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 1,
     'Improve access to NHS services by cutting waiting times for planned hospital care',
     'Increase elective activity, move care closer to home and give patients more choice, so that more people are '
         || 'treated within 18 weeks of referral.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b2', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 0,
     'Give every child the best start in life through high-quality early education and childcare',
     'Expand funded childcare and school-based nurseries and support families, so that more children are ready to '
         || 'learn when they start school.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b3', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 1,
     'Raise school standards so that every child achieves and thrives, wherever they live',
     'Recruit and keep more expert teachers, improve the curriculum and support schools to improve, closing the '
         || 'attainment gap between disadvantaged pupils and their peers.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c2', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 0,
     'Improve the environment through cleaner air and water, minimised waste and thriving wildlife',
     'Reform the water sector and hold water companies to account for sewage pollution, and restore habitats on land '
         || 'and at sea.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c3', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 1,
     'Reduce the likelihood and impact of flooding and coastal erosion on people, businesses and communities',
     'Build and maintain flood defences and help communities prepare for and recover from flooding.')
) AS v (id, plan_id, sort_order, title, description)
JOIN outcome_delivery_plan p ON p.id = v.plan_id::uuid AND p.created_by = 'demo-data'
ON CONFLICT DO NOTHING;

INSERT INTO outcome_metric (id, outcome_id, department_code, sort_order, name, unit, baseline_value, baseline_date,
                            trajectory, frequency, data_source)
SELECT v.id::uuid, v.outcome_id::uuid, p.department_code, 0, v.name, v.unit, v.baseline_value, v.baseline_date::date,
       jsonb_build_array(jsonb_build_object('period',
           to_char(v.target_date::date - interval '3 months', 'YYYY') || '-'
               || to_char(v.target_date::date + interval '9 months', 'YY'),
           'target', v.target_value)), 'ANNUAL', 'Official statistics (illustrative)'
FROM (VALUES
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a4', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a2',
     'Healthy life expectancy at birth, England (average of males and females)', 'years',
     61.7, '2023-12-31', 62.5, '2030-12-31'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a5', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a3',
     'Patients waiting less than 18 weeks from referral to treatment', '%',
     59.8, '2025-03-31', 70.0, '2027-03-31'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b4', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b2',
     'Children achieving a good level of development at the end of reception', '%',
     67.7, '2024-07-31', 75.0, '2028-07-31'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b5', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b3',
     'Average Attainment 8 score per pupil, state-funded schools in England', 'points',
     45.9, '2024-08-31', 47.0, '2027-08-31'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c4', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c2',
     'Average number of spills per storm overflow, England', 'spills per overflow',
     32.6, '2023-12-31', 20.0, '2030-12-31'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c5', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c3',
     'Properties better protected from flooding since April 2026', 'properties',
     0, '2026-03-31', 25000, '2027-03-31')
) AS v (id, outcome_id, name, unit, baseline_value, baseline_date, target_value, target_date)
JOIN priority_outcome o ON o.id = v.outcome_id::uuid
JOIN outcome_delivery_plan p ON p.id = o.plan_id AND p.created_by = 'demo-data'
ON CONFLICT DO NOTHING;

INSERT INTO enabler_commitment (id, plan_id, sort_order, enabler, commitment, owner, due_date)
SELECT v.id::uuid, v.plan_id::uuid, v.sort_order, v.enabler, v.commitment,
       CASE v.enabler WHEN 'WORKFORCE_SKILLS_LOCATION' THEN 'Chief People Officer'
                      WHEN 'INNOVATION_TECHNOLOGY_DATA' THEN 'Chief Digital and Information Officer'
                      WHEN 'DELIVERY_EVALUATION_COLLABORATION' THEN 'Chief Analyst'
                      ELSE 'Chief Operating Officer' END, DATE '2027-03-31'
FROM (VALUES
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a6', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 0, 'WORKFORCE_SKILLS_LOCATION',
     'Grow our Leeds and Manchester sites under Places for Growth, so that half of our senior civil servants are based '
         || 'outside London by 2030.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a7', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 1, 'INNOVATION_TECHNOLOGY_DATA',
     'Publish NHS waiting-time and public health outcome data monthly as open data, and share it live with the '
         || 'Treasury through the Spending Control API.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000a8', '0d9e0c1a-5c1e-4c8e-9a51-2026000000a1', 2, 'SUSTAINABILITY',
     'Meet the Greening Government Commitments: cut direct greenhouse gas emissions from our estate by a further 10% '
         || 'against the 2017-18 baseline.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b6', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 0, 'WORKFORCE_SKILLS_LOCATION',
     'Keep building our Darlington and Sheffield hubs, and give every analyst and policy official data skills training.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b7', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 1,
     'DELIVERY_EVALUATION_COLLABORATION',
     'Evaluate the expansion of funded childcare with an independent impact study, and publish the findings.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000b8', '0d9e0c1a-5c1e-4c8e-9a51-2026000000b1', 2, 'SUSTAINABILITY',
     'Fit solar panels to schools through the school rebuilding programme and publish each school''s energy use.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c6', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 0, 'INNOVATION_TECHNOLOGY_DATA',
     'Publish near real-time storm overflow monitoring data for every overflow in England.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c7', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 1,
     'DELIVERY_EVALUATION_COLLABORATION',
     'Work with the Environment Agency, Natural England and local authorities to deliver Local Nature Recovery '
         || 'Strategies across England.'),
    ('0d9e0c1a-5c1e-4c8e-9a51-2026000000c8', '0d9e0c1a-5c1e-4c8e-9a51-2026000000c1', 2, 'WORKFORCE_SKILLS_LOCATION',
     'Grow our York and Bristol hubs, with most new roles outside London.')
) AS v (id, plan_id, sort_order, enabler, commitment)
JOIN outcome_delivery_plan p ON p.id = v.plan_id::uuid AND p.created_by = 'demo-data'
ON CONFLICT DO NOTHING;

-- The change events of the demo register (the plans' and their metrics' events are written by the service at start-up,
-- with their published revision: RevisionBackfill). Like common's ChangeFeed, take the feed's advisory lock (common
-- AdvisoryLocks: namespace 'change_event', key the schema) first, so that positions stay in commit order.
SELECT pg_advisory_xact_lock(hashtext('change_event'), hashtext('odp'));
INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by,
                          occurred_at)
SELECT gen_random_uuid(), 'CrossCuttingOutcomeChanged', 'CrossCuttingOutcome', o.id,
       (SELECT array_agg(c.department_code ORDER BY c.department_code <> o.lead_department, c.department_code)
        FROM contribution c WHERE c.outcome_id = o.id AND c.removed_at IS NULL)::varchar(16)[],
       jsonb_build_object('id', o.id, 'title', o.title, 'description', o.description,
                          'leadDepartment', o.lead_department,
                          'contributors', (SELECT jsonb_agg(c.department_code ORDER BY c.department_code <> o.lead_department,
                                                            c.department_code)
                                           FROM contribution c WHERE c.outcome_id = o.id AND c.removed_at IS NULL),
                          'status', o.status),
       'demo-data', o.created_at
FROM cross_cutting_outcome o
WHERE o.created_by = 'demo-data'
  AND NOT EXISTS (SELECT 1 FROM change_event e WHERE e.aggregate_type = 'CrossCuttingOutcome' AND e.aggregate_id = o.id);

INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by,
                          occurred_at)
SELECT gen_random_uuid(), 'ContributionChanged', 'Contribution', c.outcome_id || '/' || c.department_code,
       (SELECT array_agg(x.department_code ORDER BY x.department_code) FROM contribution x
        WHERE x.outcome_id = c.outcome_id AND x.removed_at IS NULL)::varchar(16)[],
       jsonb_build_object('outcomeId', c.outcome_id, 'department', c.department_code, 'summary', c.summary,
                          'programmes', c.programmes,
                          'metricIds', COALESCE((SELECT jsonb_agg(m.id ORDER BY m.sort_order) FROM outcome_metric m
                                                 WHERE m.contribution_id = c.id), '[]'::jsonb)),
       'demo-data', c.added_at
FROM contribution c
WHERE c.added_by = 'demo-data'
  AND NOT EXISTS (SELECT 1 FROM change_event e WHERE e.aggregate_type = 'Contribution'
                  AND e.aggregate_id = c.outcome_id || '/' || c.department_code);
