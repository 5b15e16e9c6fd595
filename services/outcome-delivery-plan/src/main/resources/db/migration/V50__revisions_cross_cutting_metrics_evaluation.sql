-- Issue 8: plan revisions, the register of cross-cutting outcomes with each contributor's part, metrics with
-- trajectories and performance data, enabler owners and due dates, evaluation plans.

-- ------------------------------------------------------------------------------------------ the register
-- Cross-cutting outcomes: one stable, human-readable id (common OutcomeIds; budget's joint bids use the same form).
CREATE TABLE cross_cutting_outcome (
    id               varchar(64)    PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(id) >= 3),
    title            varchar(300)   NOT NULL,
    description      varchar(4000),
    lead_department  varchar(16)    NOT NULL CHECK (lead_department ~ '^[A-Z][A-Z0-9]{1,15}$'),
    status           varchar(16)    NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    version          integer        NOT NULL DEFAULT 0,
    created_by       varchar(200)   NOT NULL,
    created_at       timestamptz    NOT NULL,
    updated_by       varchar(200)   NOT NULL,
    updated_at       timestamptz    NOT NULL
);

-- A contributing department's own part of a cross-cutting outcome (the lead's included). A contributor removed by the
-- lead or the Cabinet Office is kept, with removed_at set, so that its metrics and their data stay readable.
CREATE TABLE contribution (
    id               uuid           PRIMARY KEY,
    outcome_id       varchar(64)    NOT NULL REFERENCES cross_cutting_outcome (id),
    department_code  varchar(16)    NOT NULL CHECK (department_code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    summary          varchar(4000),
    programmes       jsonb          NOT NULL DEFAULT '[]',
    version          integer        NOT NULL DEFAULT 0,
    added_by         varchar(200)   NOT NULL,
    added_at         timestamptz    NOT NULL,
    updated_by       varchar(200)   NOT NULL,
    updated_at       timestamptz    NOT NULL,
    removed_at       timestamptz,
    CONSTRAINT contribution_outcome_department UNIQUE (outcome_id, department_code)
);

-- ------------------------------------------------------------------------------------------ plans and revisions
ALTER TABLE outcome_delivery_plan DROP CONSTRAINT outcome_delivery_plan_status_check;
ALTER TABLE outcome_delivery_plan DROP CONSTRAINT outcome_delivery_plan_published;
ALTER TABLE outcome_delivery_plan
    ADD CONSTRAINT outcome_delivery_plan_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'PUBLISHED')),
    ADD COLUMN revision            integer        NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN revision_reason     varchar(4000),
    ADD COLUMN published_revision  integer,
    ADD COLUMN published_title     varchar(300),
    ADD COLUMN submitted_by        varchar(200),
    ADD COLUMN submitted_at        timestamptz;
UPDATE outcome_delivery_plan SET published_revision = 1, published_title = title WHERE status = 'PUBLISHED';
ALTER TABLE outcome_delivery_plan
    ADD CONSTRAINT outcome_delivery_plan_published CHECK ((published_revision IS NULL) = (published_at IS NULL)
        AND (published_at IS NULL) = (published_by IS NULL)),
    ADD CONSTRAINT outcome_delivery_plan_status_revision CHECK (status <> 'PUBLISHED' OR published_revision = revision);

-- Every published revision of a plan, frozen: the plan as it was published (content: the plan as the API showed it).
CREATE TABLE plan_revision (
    plan_id       uuid           NOT NULL REFERENCES outcome_delivery_plan (id),
    revision      integer        NOT NULL CHECK (revision >= 1),
    reason        varchar(4000),
    content       jsonb          NOT NULL,
    published_by  varchar(200)   NOT NULL,
    published_at  timestamptz    NOT NULL,
    PRIMARY KEY (plan_id, revision)
);
CREATE INDEX plan_revision_as_at ON plan_revision (plan_id, published_at);

-- A priority outcome names its cross-cutting outcome by the register's id, in a new column. Expand and contract
-- (docs/runbook.md): the old uuid column (which named nothing) stays for the previous release's pods, unused by this
-- release; a later release drops it.
ALTER TABLE priority_outcome ADD COLUMN cross_cutting_outcome varchar(64) REFERENCES cross_cutting_outcome (id);

-- Enabler commitments have an owner and a due date (older ones may lack them; the API requires them).
ALTER TABLE enabler_commitment ADD COLUMN owner varchar(200), ADD COLUMN due_date date;

-- ------------------------------------------------------------------------------------------ metrics
-- A metric belongs to a priority outcome of a plan or to a department's contribution to a cross-cutting outcome.
-- Targets become a trajectory of targets by period; the former single target is its one point (the financial year of
-- the target date).
ALTER TABLE outcome_metric ALTER COLUMN outcome_id DROP NOT NULL;
ALTER TABLE outcome_metric
    ADD COLUMN contribution_id  uuid          REFERENCES contribution (id),
    ADD COLUMN department_code  varchar(16),
    ADD COLUMN polarity         varchar(24)   NOT NULL DEFAULT 'HIGHER_IS_BETTER'
        CHECK (polarity IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    ADD COLUMN frequency        varchar(16)   NOT NULL DEFAULT 'ANNUAL'
        CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    ADD COLUMN data_source      varchar(300),
    ADD COLUMN programmes       jsonb         NOT NULL DEFAULT '[]',
    ADD COLUMN trajectory       jsonb         NOT NULL DEFAULT '[]';
UPDATE outcome_metric m SET department_code = p.department_code
FROM priority_outcome o JOIN outcome_delivery_plan p ON p.id = o.plan_id WHERE o.id = m.outcome_id;
UPDATE outcome_metric SET trajectory = jsonb_build_array(jsonb_build_object(
        'period', to_char(target_date - interval '3 months', 'YYYY') || '-'
                  || to_char(target_date + interval '9 months', 'YY'),
        'target', trim_scale(target_value)))
WHERE target_value IS NOT NULL;
-- target_value and target_date stay (the previous release's pods read and write them; this release leaves them NULL),
-- and department_code stays nullable (their inserts do not set it; this release always does): a later release drops
-- the first two and makes department_code NOT NULL.
ALTER TABLE outcome_metric ADD CONSTRAINT outcome_metric_one_parent
    CHECK ((outcome_id IS NULL) <> (contribution_id IS NULL));
CREATE INDEX outcome_metric_contribution ON outcome_metric (contribution_id, sort_order);
CREATE INDEX outcome_metric_department ON outcome_metric (department_code);

-- ------------------------------------------------------------------------------------------ performance data
-- A batch of data points submitted by a department's system or user (JSON or CSV), accepted as a whole.
CREATE TABLE metric_data_submission (
    id               uuid           PRIMARY KEY,
    seq              bigserial      UNIQUE,
    department_code  varchar(16)    NOT NULL,
    format           varchar(8)     NOT NULL CHECK (format IN ('JSON', 'CSV')),
    point_count      integer        NOT NULL,
    warning_count    integer        NOT NULL,
    idempotency_key  varchar(200),
    request_hash     varchar(64)    NOT NULL,
    submitted_by     varchar(200)   NOT NULL,
    submitted_at     timestamptz    NOT NULL,
    CONSTRAINT metric_data_submission_key UNIQUE (department_code, idempotency_key)
);

-- Every value ever accepted for a metric and period: a correction is the next version, never an overwrite.
CREATE TABLE metric_data_point (
    metric_id      uuid           NOT NULL REFERENCES outcome_metric (id),
    period         varchar(10)    NOT NULL,
    version        integer        NOT NULL CHECK (version >= 1),
    value          numeric(18,4)  NOT NULL,
    period_end     date           NOT NULL,
    submission_id  uuid           NOT NULL REFERENCES metric_data_submission (id),
    line           integer        NOT NULL,
    PRIMARY KEY (metric_id, period, version)
);
-- The latest point of a metric: newest period, newest version.
CREATE INDEX metric_data_point_latest ON metric_data_point (metric_id, period_end DESC, version DESC);
CREATE INDEX metric_data_point_submission ON metric_data_point (submission_id);

-- The warnings kept with an accepted submission.
CREATE TABLE metric_data_warning (
    submission_id  uuid           NOT NULL REFERENCES metric_data_submission (id),
    n              integer        NOT NULL,
    rule_id        varchar(8)     NOT NULL,
    line           integer,
    field          varchar(64),
    message        varchar(1000)  NOT NULL,
    PRIMARY KEY (submission_id, n)
);

-- ------------------------------------------------------------------------------------------ evaluation
CREATE TABLE evaluation (
    id                        uuid           PRIMARY KEY,
    department_code           varchar(16)    NOT NULL,
    priority_outcome_id       uuid           REFERENCES priority_outcome (id),
    cross_cutting_outcome_id  varchar(64)    REFERENCES cross_cutting_outcome (id),
    programme                 varchar(64),
    title                     varchar(300)   NOT NULL,
    question                  varchar(4000)  NOT NULL,
    method                    varchar(32)    NOT NULL CHECK (method IN ('PROCESS', 'IMPACT', 'ECONOMIC',
                                  'PROCESS_AND_IMPACT', 'THEORY_BASED')),
    start_date                date           NOT NULL,
    end_date                  date           NOT NULL,
    status                    varchar(16)    NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED',
                                  'PUBLISHED', 'CANCELLED')),
    findings                  varchar(8000),
    report_url                varchar(2000),
    version                   integer        NOT NULL DEFAULT 0,
    created_by                varchar(200)   NOT NULL,
    created_at                timestamptz    NOT NULL,
    updated_by                varchar(200)   NOT NULL,
    updated_at                timestamptz    NOT NULL,
    CONSTRAINT evaluation_one_subject CHECK (num_nonnulls(priority_outcome_id, cross_cutting_outcome_id, programme) = 1),
    CONSTRAINT evaluation_dates CHECK (end_date >= start_date),
    CONSTRAINT evaluation_published_report CHECK (status <> 'PUBLISHED' OR report_url IS NOT NULL)
);
CREATE INDEX evaluation_department ON evaluation (department_code, start_date);
