-- Read models built from the change feeds of budget, outcome-delivery-plan and delegation-rules (never from their
-- tables). Every table is keyed by the source's own identifier and written by upsert, so that applying an event a
-- second time changes nothing; the position of each feed is stored in feed_source in the same transaction as the
-- read model it advanced.

-- One row per feed followed: where reporting is, and how fresh that is.
CREATE TABLE feed_source (
    source            varchar(40)   PRIMARY KEY,
    position          bigint        NOT NULL DEFAULT 0 CHECK (position >= 0),
    head_position     bigint        NOT NULL DEFAULT 0 CHECK (head_position >= 0),
    last_changed_at   timestamptz,
    last_success_at   timestamptz,
    last_failure_at   timestamptz,
    last_failure      varchar(500),
    events_applied    bigint        NOT NULL DEFAULT 0
);
INSERT INTO feed_source (source) VALUES ('budget'), ('outcome-delivery-plan'), ('delegation-rules');

-- One row per applied batch of source events: what it touched, for the live streams (LISTEN/NOTIFY carries only the
-- number; a subscriber that reconnects with Last-Event-ID reads what it missed from here). Numbers are drawn under an
-- advisory lock held to commit, so they appear in commit order.
CREATE TABLE view_change (
    seq              bigserial     PRIMARY KEY,
    source           varchar(40)   NOT NULL,
    position         bigint        NOT NULL,
    event_types      varchar(64)[] NOT NULL,
    departments      varchar(16)[] NOT NULL,
    programmes       varchar(64)[] NOT NULL,
    outcomes         varchar(64)[] NOT NULL,
    every_department boolean       NOT NULL,
    at               timestamptz   NOT NULL DEFAULT clock_timestamp()
);

-- Every department any applied event concerned: the departments the views know (kept by the feed applier).
CREATE TABLE rm_department (
    code             varchar(16)   PRIMARY KEY
);

-- budget
CREATE TABLE rm_control_adjustment (
    id               bigint        PRIMARY KEY,
    department       varchar(16)   NOT NULL,
    financial_year   varchar(7)    NOT NULL,
    boundary         varchar(32)   NOT NULL,
    type             varchar(40)   NOT NULL,
    amount           numeric(20,2) NOT NULL,
    created_at       timestamptz
);
CREATE INDEX rm_control_adjustment_dept ON rm_control_adjustment (department, financial_year);

CREATE TABLE rm_programme (
    code             varchar(64)   PRIMARY KEY,
    name             varchar(400)  NOT NULL,
    lead_department  varchar(16)   NOT NULL,
    contributors     varchar(16)[] NOT NULL,
    status           varchar(16)   NOT NULL,
    updated_at       timestamptz
);
CREATE INDEX rm_programme_lead ON rm_programme (lead_department);

CREATE TABLE rm_allocation (
    id               bigint        PRIMARY KEY,
    department       varchar(16)   NOT NULL,
    programme        varchar(64)   NOT NULL,
    financial_year   varchar(7)    NOT NULL,
    boundary         varchar(32)   NOT NULL,
    amount           numeric(20,2) NOT NULL
);
CREATE INDEX rm_allocation_dept ON rm_allocation (department, financial_year);
CREATE INDEX rm_allocation_programme ON rm_allocation (programme, financial_year);

CREATE TABLE rm_return (
    id               uuid          PRIMARY KEY,
    department       varchar(16)   NOT NULL,
    financial_year   varchar(7)    NOT NULL,
    period           integer       NOT NULL,
    version          integer       NOT NULL,
    status           varchar(16)   NOT NULL,
    submitted_at     timestamptz,
    reviewed_at      timestamptz
);
CREATE INDEX rm_return_dept ON rm_return (department, financial_year, period, version);

CREATE TABLE rm_return_total (
    return_id          uuid          NOT NULL REFERENCES rm_return (id),
    programme          varchar(64)   NOT NULL,
    boundary           varchar(32)   NOT NULL,
    outturn_ytd        numeric(20,2) NOT NULL,
    forecast_full_year numeric(20,2) NOT NULL,
    PRIMARY KEY (return_id, programme, boundary)
);

-- The department's current return for a year: the latest version, of the highest period, not rejected.
CREATE TABLE rm_current_return (
    department       varchar(16)   NOT NULL,
    financial_year   varchar(7)    NOT NULL,
    return_id        uuid          NOT NULL REFERENCES rm_return (id),
    PRIMARY KEY (department, financial_year)
);

CREATE TABLE rm_joint_bid (
    id                        uuid          PRIMARY KEY,
    title                     varchar(400)  NOT NULL,
    cross_cutting_outcome_id  varchar(64),
    lead_department           varchar(16)   NOT NULL,
    departments               varchar(16)[] NOT NULL,
    status                    varchar(16)   NOT NULL,
    total                     numeric(20,2) NOT NULL
);

-- outcome-delivery-plan
CREATE TABLE rm_cc_outcome (
    id               varchar(64)   PRIMARY KEY,
    title            varchar(400)  NOT NULL,
    description      text,
    lead_department  varchar(16)   NOT NULL,
    contributors     varchar(16)[] NOT NULL,
    status           varchar(32)   NOT NULL
);

CREATE TABLE rm_contribution (
    outcome_id       varchar(64)   NOT NULL,
    department       varchar(16)   NOT NULL,
    summary          text,
    programmes       varchar(64)[] NOT NULL,
    metric_ids       varchar(64)[] NOT NULL,
    PRIMARY KEY (outcome_id, department)
);

CREATE TABLE rm_metric (
    id                  varchar(64)   PRIMARY KEY,
    department          varchar(16)   NOT NULL,
    plan_id             varchar(64),
    priority_outcome_id varchar(64),
    cc_outcome_id       varchar(64),
    name                varchar(400)  NOT NULL,
    unit                varchar(100),
    polarity            varchar(32),
    programmes          varchar(64)[] NOT NULL,
    status              varchar(16)   NOT NULL,
    rule                text,
    stale_after         timestamptz,
    latest_point        jsonb,
    target              jsonb
);
CREATE INDEX rm_metric_dept ON rm_metric (department);

CREATE TABLE rm_plan (
    id               varchar(64)   PRIMARY KEY,
    department       varchar(16)   NOT NULL,
    financial_year   varchar(7)    NOT NULL,
    status           varchar(16)   NOT NULL,
    revision         integer,
    published_at     timestamptz,
    outcomes         jsonb         NOT NULL
);
CREATE INDEX rm_plan_dept ON rm_plan (department, financial_year);

-- delegation-rules
CREATE TABLE rm_decision (
    id               uuid          PRIMARY KEY,
    department       varchar(16)   NOT NULL,
    category         varchar(40),
    whole_life_cost  numeric(20,2),
    programme        varchar(64),
    description      text,
    outcome          varchar(32),
    status           varchar(32),
    recorded_at      timestamptz
);

CREATE TABLE rm_approval (
    id               uuid          PRIMARY KEY,
    decision_id      uuid,
    department       varchar(16)   NOT NULL,
    approver         varchar(40),
    approver_role    varchar(64),
    status           varchar(16)   NOT NULL,
    opened_at        timestamptz   NOT NULL,
    decided_at       timestamptz,
    decided_by       varchar(200)
);
CREATE INDEX rm_approval_dept ON rm_approval (department, status);

-- Returns sent by hand (compliance): one per requirement, department and period.
CREATE TABLE compliance_submission (
    id               uuid          PRIMARY KEY,
    requirement_id   uuid          NOT NULL REFERENCES reporting_requirement (id),
    department       varchar(16)   NOT NULL CHECK (department ~ '^[A-Z][A-Z0-9]{1,15}$'),
    financial_year   varchar(7)    NOT NULL,
    period           integer       NOT NULL CHECK (period BETWEEN 1 AND 12),
    submitted_by     varchar(200)  NOT NULL,
    submitted_at     timestamptz   NOT NULL,
    idempotency_key  varchar(200),
    CONSTRAINT compliance_submission_key UNIQUE (requirement_id, department, financial_year, period)
);
