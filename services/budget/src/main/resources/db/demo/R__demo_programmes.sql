-- Demo data (only when SC_DEMO_DATA=true): programmes and 2026-27 allocations for DHSC, DFE and DEFRA,
-- and a joint bid. Illustrative figures, not official numbers.
-- Runs only when SC_DEMO_DATA=true (Flyway placeholder 'demo'); Flyway reruns it when that changes.
DO $demo$
BEGIN
  IF '${demo}' = 'true' THEN
    INSERT INTO programme (code, name, lead_department, status, created_by, updated_by) VALUES
        ('DHSC-ELECTIVE-RECOVERY', 'Elective recovery',                        'DHSC',  'ACTIVE', 'demo-data', 'demo-data'),
        ('DHSC-NHS-ENGLAND',       'NHS England revenue',                      'DHSC',  'ACTIVE', 'demo-data', 'demo-data'),
        ('DHSC-NEW-HOSPITALS',     'New Hospital Programme',                   'DHSC',  'ACTIVE', 'demo-data', 'demo-data'),
        ('DHSC-PUBLIC-HEALTH',     'Public health grant',                      'DHSC',  'ACTIVE', 'demo-data', 'demo-data'),
        ('DFE-SCHOOLS-CORE',       'Core schools budget',                      'DFE',   'ACTIVE', 'demo-data', 'demo-data'),
        ('DFE-SCHOOL-REBUILDING',  'School Rebuilding Programme',              'DFE',   'ACTIVE', 'demo-data', 'demo-data'),
        ('DFE-SKILLS',             'Further education and skills',             'DFE',   'ACTIVE', 'demo-data', 'demo-data'),
        ('DEFRA-FLOOD-DEFENCE',    'Flood and coastal erosion risk management','DEFRA', 'ACTIVE', 'demo-data', 'demo-data'),
        ('DEFRA-FARMING',          'Environmental land management',            'DEFRA', 'ACTIVE', 'demo-data', 'demo-data')
    ON CONFLICT (code) DO NOTHING;

    INSERT INTO programme_contributor (programme_code, department_code) VALUES
        ('DHSC-PUBLIC-HEALTH', 'DFE')
    ON CONFLICT DO NOTHING;

    INSERT INTO allocation (department_code, programme_code, financial_year, boundary, amount, updated_by)
    SELECT v.dept, v.prog, '2026-27', v.boundary, v.amount, 'demo-data'
    FROM (VALUES
        ('DHSC',  'DHSC-NHS-ENGLAND',       'RESOURCE_DEL_PROGRAMME', 190000000000.00),
        ('DHSC',  'DHSC-ELECTIVE-RECOVERY', 'RESOURCE_DEL_PROGRAMME',   8000000000.00),
        ('DHSC',  'DHSC-PUBLIC-HEALTH',     'RESOURCE_DEL_PROGRAMME',   3600000000.00),
        ('DHSC',  'DHSC-NEW-HOSPITALS',     'CAPITAL_DEL',              2800000000.00),
        ('DFE',   'DFE-SCHOOLS-CORE',       'RESOURCE_DEL_PROGRAMME',  65300000000.00),
        ('DFE',   'DFE-SKILLS',             'RESOURCE_DEL_PROGRAMME',   9000000000.00),
        ('DFE',   'DFE-SCHOOL-REBUILDING',  'CAPITAL_DEL',              1800000000.00),
        ('DEFRA', 'DEFRA-FLOOD-DEFENCE',    'CAPITAL_DEL',              1200000000.00),
        ('DEFRA', 'DEFRA-FARMING',          'RESOURCE_DEL_PROGRAMME',   2400000000.00)
    ) AS v (dept, prog, boundary, amount)
    ON CONFLICT (department_code, programme_code, financial_year, boundary) DO NOTHING;
    -- capital spending is back-loaded: a monthly profile (April..March, summing to 1) for the budget to date
    UPDATE allocation SET monthly_profile = '{0.03,0.04,0.05,0.06,0.07,0.08,0.09,0.09,0.10,0.11,0.12,0.16}'
    WHERE department_code = 'DHSC' AND programme_code = 'DHSC-NEW-HOSPITALS' AND financial_year = '2026-27'
      AND boundary = 'CAPITAL_DEL' AND updated_by = 'demo-data' AND monthly_profile IS NULL;

    INSERT INTO joint_bid (id, title, description, cross_cutting_outcome_id, lead_department, status, created_by,
                           created_at, updated_by, updated_at)
    VALUES ('6f1d2c1e-5b7a-4c59-9d2e-2f8f4b1a7c01', 'Healthy school environments',
            'DfE and DHSC: ventilation and air quality in schools (demo)', 'healthier-lives', 'DFE', 'SUBMITTED',
            'demo-data', now(), 'demo-data', now())
    ON CONFLICT (id) DO NOTHING;
    INSERT INTO joint_bid_amount (joint_bid_id, department_code, financial_year, amount) VALUES
        ('6f1d2c1e-5b7a-4c59-9d2e-2f8f4b1a7c01', 'DFE',  '2027-28', 120000000.00),
        ('6f1d2c1e-5b7a-4c59-9d2e-2f8f4b1a7c01', 'DHSC', '2027-28',  45000000.00)
    ON CONFLICT DO NOTHING;
  END IF;
END
$demo$;
