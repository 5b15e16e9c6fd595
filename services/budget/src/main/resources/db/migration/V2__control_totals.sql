-- Control totals are never stored: they are the sum of an append-only ledger of adjustments.
CREATE TABLE control_total_adjustment (
    id               bigserial     PRIMARY KEY,
    department_code  varchar(16)   NOT NULL REFERENCES department (code),
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    boundary         varchar(32)   NOT NULL CHECK (boundary IN ('RESOURCE_DEL_ADMIN', 'RESOURCE_DEL_PROGRAMME', 'CAPITAL_DEL', 'AME')),
    adjustment_type  varchar(40)   NOT NULL CHECK (adjustment_type IN ('SPENDING_REVIEW_SETTLEMENT', 'MAIN_ESTIMATE',
                                       'SUPPLEMENTARY_ESTIMATE', 'BUDGET_EXCHANGE', 'RESERVE_CLAIM', 'TRANSFER', 'BUDGET_MEASURE')),
    amount           numeric(18,2) NOT NULL,
    reason           varchar(2000) NOT NULL,
    transfer_id      uuid,
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX control_total_adjustment_key ON control_total_adjustment (department_code, financial_year, boundary, created_at);

-- The ledger is append-only: no update, no delete.
CREATE FUNCTION control_total_adjustment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'control_total_adjustment is append-only';
END $$;
CREATE TRIGGER control_total_adjustment_append_only BEFORE UPDATE OR DELETE ON control_total_adjustment
    FOR EACH ROW EXECUTE FUNCTION control_total_adjustment_append_only();
