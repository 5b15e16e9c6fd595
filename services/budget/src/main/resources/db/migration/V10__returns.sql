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

-- The lines exactly as accepted, written with COPY and never changed; read back by submission and line number only
-- (paged lines, and the closed-period check). Indexing, measured in docs/performance.md:
--   * keyed by the submission's seq, not its uuid: seq grows with insertion, so it follows the physical order of the
--     table (which a BRIN index needs, and which the planner checks through the column's correlation), in 8 bytes;
--   * no foreign key to submission: a row-level check per line costs more than the COPY itself. Lines are written
--     only by ReturnStore, in the transaction that inserts their submission row, and cannot be changed or deleted
--     (trigger below), so every line has its submission by construction;
--   * a BRIN index, not a B-tree: lines are appended in submission and line order, so block ranges correlate with
--     (submission_seq, line_no); a B-tree on them doubled the cost of writing a return. Ranges are summarised by
--     autovacuum shortly after they fill (autosummarize); until then reads also scan the newest, unsummarised ones.
-- (submission_seq, line_no) is unique by construction: ReturnStore numbers a submission's lines 1..n.
CREATE TABLE return_line (
    submission_seq   bigint        NOT NULL,
    line_no          integer       NOT NULL,
    programme_code   varchar(32)   NOT NULL,
    boundary         varchar(32)   NOT NULL,
    period           smallint      NOT NULL,
    kind             varchar(8)    NOT NULL,
    amount           numeric(15,2) NOT NULL
);
CREATE INDEX return_line_submission ON return_line USING brin (submission_seq, line_no)
    WITH (pages_per_range = 32, autosummarize = on);

-- Per programme and boundary, computed while the lines were validated, so variance never scans lines.
-- No foreign key either (up to 400,000 rows a submission, written with it by COPY; see return_line).
CREATE TABLE submission_total (
    submission_id      uuid          NOT NULL,
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
