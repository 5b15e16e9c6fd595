-- Demo data (only when SC_DEMO_DATA=true, Flyway placeholder 'demo'; Flyway reruns it when that changes): plausible
-- reporting requirements, written as the API would have written them (version 1 in the history, a
-- ReportingRequirementCreated event in the change feed).
-- Idempotent: running it again adds nothing, and a demo requirement changed through the API is left as it is.
-- Illustrative only: these are not the centre's actual returns.
DO $demo$
BEGIN
  IF '${demo}' = 'true' THEN

    -- The change feed writers' lock (common AdvisoryLocks: namespace 'change_event', key the schema), so that the
    -- events below take their positions in commit order even while the service is running.
    PERFORM pg_advisory_xact_lock(hashtext('change_event'), hashtext('reporting'));

    INSERT INTO reporting_requirement (id, code, title, description, data_kind, frequency, due_days_after_period_end,
                                       applies_to_all_departments, satisfied_by_live_data, live_data_feed, status, version,
                                       created_by, created_at, updated_by, updated_at)
    SELECT CAST(v.id AS uuid), v.code, v.title, v.description, v.data_kind, v.frequency, v.due_days, v.all_departments,
           v.feed IS NOT NULL, v.feed, 'ACTIVE', 1, 'demo-data', now(), 'demo-data', now()
    FROM (VALUES
        ('825654a0-1e72-4687-bc03-64491af89f85', 'MONTHLY-FORECAST-OUTTURN', 'Monthly forecast outturn',
         'Forecast spending to the end of the financial year, per programme, budget boundary and month. Met by the '
         || 'forecasts that departments'' finance systems submit to the budget service: nothing to send by hand.',
         'FORECAST_OUTTURN', 'MONTHLY', 10, true, 'budget.returns'),
        ('4c9f6049-d0cd-407e-91df-709ccbe856c9', 'MONTHLY-OUTTURN', 'Monthly outturn',
         'Actual spending in the month just ended, per programme and budget boundary. Met by the outturn in the monthly '
         || 'returns that departments'' finance systems submit to the budget service: nothing to send by hand.',
         'OUTTURN', 'MONTHLY', 10, true, 'budget.returns'),
        ('85ad7fd1-68b7-4376-8122-80f6bf782cb9', 'QUARTERLY-ODP-PERFORMANCE', 'Quarterly Outcome Delivery Plan performance data',
         'The latest actual data against each metric of the department''s Outcome Delivery Plan, with a delivery '
         || 'confidence rating for each priority outcome.',
         'ODP_METRICS', 'QUARTERLY', 30, true, NULL),
        ('4b05673f-cdd2-418d-bdda-13cef12dc186', 'ANNUAL-WORKFORCE', 'Annual workforce return',
         'Headcount and full-time equivalents by grade, profession and location, and the pay bill, as at 31 March.',
         'WORKFORCE', 'ANNUALLY', 60, true, NULL),
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'QUARTERLY-MAJOR-PROJECTS', 'Quarterly major projects return',
         'Whole-life cost, schedule and delivery confidence of each of the department''s projects in the Government '
         || 'Major Projects Portfolio.',
         'MAJOR_PROJECTS', 'QUARTERLY', 20, false, NULL),
        ('13087d49-652c-437b-9673-474028cf6d12', 'DHSC-WINTER-PRESSURES', 'Winter pressures spending return',
         'Additional spending on urgent and emergency care commissioned for this winter, against the funding allocated '
         || 'for it. Asked of DHSC alone, for this winter only.',
         'OTHER', 'AD_HOC', 14, false, NULL)
    ) AS v (id, code, title, description, data_kind, frequency, due_days, all_departments, feed)
    ON CONFLICT DO NOTHING;

    INSERT INTO reporting_requirement_department (requirement_id, department_code)
    SELECT r.id, d.code
    FROM (VALUES
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'DESNZ'),
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'DFT'),
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'DHSC'),
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'HO'),
        ('7cb5ffa1-43f3-4d4c-923f-e7723b3b0867', 'MOD'),
        ('13087d49-652c-437b-9673-474028cf6d12', 'DHSC')
    ) AS d (id, code)
    JOIN reporting_requirement r ON r.id = CAST(d.id AS uuid) AND r.created_by = 'demo-data' AND r.version = 1
    ON CONFLICT DO NOTHING;

    -- Version 1 of each demo requirement's history: the requirement as the API shows it.
    INSERT INTO reporting_requirement_version (requirement_id, version, change_type, snapshot, changed_by, changed_at)
    SELECT r.id, 1, 'CREATED',
           jsonb_build_object(
               'id', r.id, 'code', r.code, 'title', r.title, 'description', r.description,
               'dataKind', r.data_kind, 'frequency', r.frequency,
               'dueDaysAfterPeriodEnd', r.due_days_after_period_end,
               'appliesToAllDepartments', r.applies_to_all_departments,
               'departments', COALESCE((SELECT jsonb_agg(d.department_code ORDER BY d.department_code)
                                        FROM reporting_requirement_department d WHERE d.requirement_id = r.id), '[]'::jsonb),
               'satisfiedByLiveData', r.satisfied_by_live_data, 'liveDataFeed', r.live_data_feed,
               'status', r.status, 'version', r.version,
               'createdBy', r.created_by, 'createdAt', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'updatedBy', r.updated_by, 'updatedAt', to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'retiredAt', NULL, 'retirementReason', NULL),
           r.created_by, r.created_at
    FROM reporting_requirement r
    WHERE r.created_by = 'demo-data' AND r.version = 1
      AND NOT EXISTS (SELECT 1 FROM reporting_requirement_version v WHERE v.requirement_id = r.id);

    -- ... and its event in the change feed, as the service writes it (docs/change-feeds.md).
    INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by,
                              occurred_at)
    SELECT gen_random_uuid(), 'ReportingRequirementCreated', 'ReportingRequirement', CAST(v.requirement_id AS varchar),
           ARRAY(SELECT d.department_code FROM reporting_requirement_department d
                 WHERE d.requirement_id = v.requirement_id ORDER BY d.department_code),
           v.snapshot, v.changed_by, v.changed_at
    FROM reporting_requirement_version v
    JOIN reporting_requirement r ON r.id = v.requirement_id
    WHERE r.created_by = 'demo-data' AND v.version = 1
      AND NOT EXISTS (SELECT 1 FROM change_event e
                      WHERE e.aggregate_type = 'ReportingRequirement'
                        AND e.aggregate_id = CAST(v.requirement_id AS varchar)
                        AND e.event_type = 'ReportingRequirementCreated')
    ORDER BY r.code;

  END IF;
END
$demo$;
