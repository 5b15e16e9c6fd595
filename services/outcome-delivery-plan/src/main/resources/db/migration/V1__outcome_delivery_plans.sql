-- Outcome Delivery Plans: one plan per department and financial year, drafted by the department, then published.
-- A published plan is frozen: the service refuses every change to it (and to its outcomes, metrics and enablers).
CREATE TABLE outcome_delivery_plan (
    id               uuid          PRIMARY KEY,
    department_code  varchar(16)   NOT NULL CHECK (department_code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    title            varchar(300)  NOT NULL,
    summary          varchar(4000),
    status           varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    version          integer       NOT NULL DEFAULT 0,
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_by       varchar(200)  NOT NULL,
    updated_at       timestamptz   NOT NULL,
    published_by     varchar(200),
    published_at     timestamptz,
    CONSTRAINT outcome_delivery_plan_department_year UNIQUE (department_code, financial_year),
    CONSTRAINT outcome_delivery_plan_published CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);

-- Lists are ordered by financial year (newest first), then department.
CREATE INDEX outcome_delivery_plan_list ON outcome_delivery_plan (financial_year DESC, department_code);

-- A priority outcome of a plan, optionally contributing to a cross-cutting outcome shared by several departments.
CREATE TABLE priority_outcome (
    id                        uuid          PRIMARY KEY,
    plan_id                   uuid          NOT NULL REFERENCES outcome_delivery_plan (id) ON DELETE CASCADE,
    sort_order                integer       NOT NULL CHECK (sort_order >= 0),
    title                     varchar(300)  NOT NULL,
    description               varchar(4000),
    cross_cutting_outcome_id  uuid
);

CREATE INDEX priority_outcome_plan ON priority_outcome (plan_id, sort_order);

-- A metric that tracks a priority outcome: where it stood (baseline) and where it should be (target).
CREATE TABLE outcome_metric (
    id              uuid           PRIMARY KEY,
    outcome_id      uuid           NOT NULL REFERENCES priority_outcome (id) ON DELETE CASCADE,
    sort_order      integer        NOT NULL CHECK (sort_order >= 0),
    name            varchar(300)   NOT NULL,
    unit            varchar(50)    NOT NULL,
    baseline_value  numeric(18,4),
    baseline_date   date,
    target_value    numeric(18,4),
    target_date     date,
    CONSTRAINT outcome_metric_baseline CHECK ((baseline_value IS NULL) = (baseline_date IS NULL)),
    CONSTRAINT outcome_metric_target CHECK ((target_value IS NULL) = (target_date IS NULL)),
    CONSTRAINT outcome_metric_dates CHECK (baseline_date IS NULL OR target_date IS NULL OR target_date > baseline_date)
);

CREATE INDEX outcome_metric_outcome ON outcome_metric (outcome_id, sort_order);

-- The plan's commitments under the four strategic enablers (several commitments per enabler allowed).
CREATE TABLE enabler_commitment (
    id          uuid           PRIMARY KEY,
    plan_id     uuid           NOT NULL REFERENCES outcome_delivery_plan (id) ON DELETE CASCADE,
    sort_order  integer        NOT NULL CHECK (sort_order >= 0),
    enabler     varchar(48)    NOT NULL CHECK (enabler IN ('WORKFORCE_SKILLS_LOCATION', 'INNOVATION_TECHNOLOGY_DATA',
                                   'DELIVERY_EVALUATION_COLLABORATION', 'SUSTAINABILITY')),
    commitment  varchar(4000)  NOT NULL
);

CREATE INDEX enabler_commitment_plan ON enabler_commitment (plan_id, sort_order);
