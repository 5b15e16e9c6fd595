-- Demo data (only when SC_DEMO_DATA=true): plausible 2026-27 settlements, in pounds.
-- Figures are illustrative, of the order of the published spending review totals; they are not official numbers.
-- Runs only when SC_DEMO_DATA=true (Flyway placeholder 'demo'); Flyway reruns it when that changes.
DO $demo$
BEGIN
  IF '${demo}' = 'true' THEN
    INSERT INTO control_total_adjustment (department_code, financial_year, boundary, adjustment_type, amount, reason, created_by)
    SELECT v.dept, '2026-27', v.boundary, 'SPENDING_REVIEW_SETTLEMENT', v.amount, 'Spending Review 2025 settlement (demo)', 'demo-data'
    FROM (VALUES
        ('DHSC',  'RESOURCE_DEL_ADMIN',      1400000000.00),
        ('DHSC',  'RESOURCE_DEL_PROGRAMME', 201600000000.00),
        ('DHSC',  'CAPITAL_DEL',             13600000000.00),
        ('DHSC',  'AME',                      2300000000.00),
        ('DFE',   'RESOURCE_DEL_ADMIN',        600000000.00),
        ('DFE',   'RESOURCE_DEL_PROGRAMME',  76900000000.00),
        ('DFE',   'CAPITAL_DEL',              7200000000.00),
        ('DFE',   'AME',                     21400000000.00),
        ('DEFRA', 'RESOURCE_DEL_ADMIN',        310000000.00),
        ('DEFRA', 'RESOURCE_DEL_PROGRAMME',   4700000000.00),
        ('DEFRA', 'CAPITAL_DEL',              2900000000.00),
        ('DEFRA', 'AME',                       850000000.00)
    ) AS v (dept, boundary, amount)
    WHERE NOT EXISTS (SELECT 1 FROM control_total_adjustment a WHERE a.created_by = 'demo-data');
  END IF;
END
$demo$;
