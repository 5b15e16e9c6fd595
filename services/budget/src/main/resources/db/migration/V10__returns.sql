-- Monthly returns: forecasts and outturn submitted by departments' systems and users (see services/budget/README.md).
-- A submission is one version of a department's return for a financial year and period. Versions are never
-- overwritten: a new submission for the same department, year and period is the next version and supersedes the last.
CREATE TABLE submission (
    id               uuid          PRIMARY KEY,
    seq              bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,   -- list order and cursor
    department_code  varchar(16)   NOT NULL REFERENCES department (code),
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    period           smallint      NOT NULL CHECK (period BETWEEN 1 AND 12),
    version          integer       NOT NULL CHECK (version >= 1),
    status           varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'CONFIRMED', 'REJECTED')),
    format           varchar(8)    NOT NULL CHECK (format IN ('JSON', 'CSV')),
    line_count       integer       NOT NULL CHECK (line_count >= 0),
    warning_count    integer       NOT NULL CHECK (warning_count >= 0),
    idempotency_key  varchar(200),
    request_hash     varchar(64),
    submitted_by     varchar(200)  NOT NULL,
    submitted_at     timestamptz   NOT NULL,
    reviewed_by      varchar(200),
    reviewed_at      timestamptz,
    review_comment   varchar(2000),
    revision         integer       NOT NULL DEFAULT 0,                    -- optimistic concurrency (ETag)
    UNIQUE (department_code, financial_year, period, version),           -- also finds the current position
    UNIQUE (department_code, idempotency_key)
);
CREATE INDEX submission_department_seq ON submission (department_code, seq);
CREATE INDEX submission_year_position ON submission (financial_year, department_code, period DESC, version DESC)
    WHERE status <> 'REJECTED';

-- The lines exactly as accepted, written with COPY. Read back by submission and line number only.
CREATE TABLE return_line (
    submission_id    uuid          NOT NULL REFERENCES submission (id),
    line_no          integer       NOT NULL,
    programme_code   varchar(32)   NOT NULL,
    boundary         varchar(32)   NOT NULL,
    period           smallint      NOT NULL,
    kind             varchar(8)    NOT NULL,
    amount           numeric(15,2) NOT NULL,
    PRIMARY KEY (submission_id, line_no)
);

-- Per programme and boundary, computed while the lines were validated, so variance never scans lines.
CREATE TABLE submission_total (
    submission_id      uuid          NOT NULL REFERENCES submission (id),
    programme_code     varchar(32)   NOT NULL,
    boundary           varchar(32)   NOT NULL,
    outturn_ytd        numeric(18,2) NOT NULL,   -- outturn for periods 1..P
    forecast_full_year numeric(18,2) NOT NULL,   -- outturn for 1..P plus forecast for P+1..12
    PRIMARY KEY (submission_id, programme_code, boundary)
);

-- Every warning of an accepted submission (fatal findings reject the submission and are never stored).
CREATE TABLE return_warning (
    submission_id    uuid          NOT NULL REFERENCES submission (id),
    seq              integer       NOT NULL,
    rule_id          varchar(8)    NOT NULL,
    line_no          integer,
    field            varchar(64),
    message          varchar(2000) NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

-- Lines, totals and warnings are immutable once written.
CREATE FUNCTION return_data_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER return_line_append_only BEFORE UPDATE OR DELETE ON return_line
    FOR EACH STATEMENT EXECUTE FUNCTION return_data_append_only();
CREATE TRIGGER submission_total_append_only BEFORE UPDATE OR DELETE ON submission_total
    FOR EACH STATEMENT EXECUTE FUNCTION return_data_append_only();
CREATE TRIGGER return_warning_append_only BEFORE UPDATE OR DELETE ON return_warning
    FOR EACH STATEMENT EXECUTE FUNCTION return_data_append_only();
