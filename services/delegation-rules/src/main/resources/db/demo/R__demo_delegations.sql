-- Demo data (loaded only when QUARKUS_FLYWAY_LOCATIONS includes db/demo): a first delegation for DHSC, DFE and DEFRA.
-- ILLUSTRATIVE ONLY: the thresholds are plausible, of the order of real delegated limits, but they are NOT the official
-- delegations of any department.
-- Idempotent: a department that already has a delegation (demo or not) is left alone. Each new version is written to
-- the change feed (change_event) in the same statement, with the payload the service writes for a new version.
-- Runs only when SC_DEMO_DATA=true (Flyway placeholder 'demo'); Flyway reruns it when that changes.
DO $demo$
BEGIN
  IF '${demo}' = 'true' THEN
    WITH demo (dept, ord, kind, threshold, approver) AS (VALUES
        ('DHSC',  1, 'CAPITAL_PROJECT',        50000000.00, 'TREASURY'),
        ('DHSC',  2, 'RESOURCE_PROGRAMME',     40000000.00, 'TREASURY'),
        ('DHSC',  3, 'PROCUREMENT_CONTRACT',   20000000.00, 'TREASURY'),
        ('DHSC',  4, 'DIGITAL_AND_TECHNOLOGY',  5000000.00, 'CABINET_OFFICE_SPEND_CONTROL'),
        ('DHSC',  5, 'PROPERTY',               10000000.00, 'TREASURY'),
        ('DHSC',  6, 'CONSULTANCY',              600000.00, 'CABINET_OFFICE_SPEND_CONTROL'),
        ('DFE',   1, 'CAPITAL_PROJECT',        30000000.00, 'TREASURY'),
        ('DFE',   2, 'RESOURCE_PROGRAMME',     30000000.00, 'TREASURY'),
        ('DFE',   3, 'PROCUREMENT_CONTRACT',   15000000.00, 'TREASURY'),
        ('DFE',   4, 'DIGITAL_AND_TECHNOLOGY',  5000000.00, 'CABINET_OFFICE_SPEND_CONTROL'),
        ('DFE',   5, 'PROPERTY',                5000000.00, 'TREASURY'),
        ('DFE',   6, 'CONSULTANCY',              600000.00, 'CABINET_OFFICE_SPEND_CONTROL'),
        ('DEFRA', 1, 'CAPITAL_PROJECT',        35000000.00, 'TREASURY'),
        ('DEFRA', 2, 'RESOURCE_PROGRAMME',     20000000.00, 'TREASURY'),
        ('DEFRA', 3, 'PROCUREMENT_CONTRACT',   10000000.00, 'TREASURY'),
        ('DEFRA', 4, 'DIGITAL_AND_TECHNOLOGY',  5000000.00, 'CABINET_OFFICE_SPEND_CONTROL'),
        ('DEFRA', 6, 'CONSULTANCY',              600000.00, 'CABINET_OFFICE_SPEND_CONTROL')
    ),
    new_version AS (
        INSERT INTO delegation_version (department_code, version, reason, created_by)
        SELECT d.dept, 1, 'Illustrative demo delegation (not official figures)', 'demo-data'
        FROM (SELECT DISTINCT dept FROM demo) d
        WHERE NOT EXISTS (SELECT 1 FROM delegation_version v WHERE v.department_code = d.dept)
        ORDER BY d.dept
        RETURNING id, department_code, version, reason, created_by, created_at
    ),
    new_rule AS (
        INSERT INTO delegation_rule (delegation_version_id, kind_of_spend, threshold, approver_above)
        SELECT nv.id, d.kind, d.threshold, d.approver
        FROM new_version nv JOIN demo d ON d.dept = nv.department_code
        ORDER BY nv.department_code, d.ord
        RETURNING id
    )
    INSERT INTO change_event (event_id, event_type, aggregate_type, aggregate_id, departments, payload, recorded_by)
    SELECT gen_random_uuid(), 'DelegationVersionCreated', 'Delegation', nv.department_code,
        ARRAY[nv.department_code]::varchar(16)[],
        jsonb_build_object(
            'department', nv.department_code,
            'version', nv.version,
            'rules', (SELECT jsonb_agg(jsonb_build_object('kindOfSpend', d.kind, 'threshold', d.threshold,
                                                           'approverAbove', d.approver) ORDER BY d.ord)
                      FROM demo d WHERE d.dept = nv.department_code),
            'reason', nv.reason,
            'createdBy', nv.created_by,
            'createdAt', to_char(nv.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        nv.created_by
    FROM new_version nv
    ORDER BY nv.department_code;
  END IF;
END
$demo$;
