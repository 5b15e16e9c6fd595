-- Programmes: bodies of spending run by a lead department, sometimes with contributing departments.
CREATE TABLE programme (
    code             varchar(32)   PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name             varchar(300)  NOT NULL,
    lead_department  varchar(16)   NOT NULL REFERENCES department (code),
    status           varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    version          integer       NOT NULL DEFAULT 0,
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_by       varchar(200)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX programme_lead ON programme (lead_department, code);

CREATE TABLE programme_contributor (
    programme_code   varchar(32)   NOT NULL REFERENCES programme (code),
    department_code  varchar(16)   NOT NULL REFERENCES department (code),
    PRIMARY KEY (programme_code, department_code)
);
CREATE INDEX programme_contributor_department ON programme_contributor (department_code);

-- A department's allocation of a control total to one of its programmes; every change is kept in the history.
CREATE TABLE allocation (
    id               bigserial     PRIMARY KEY,
    department_code  varchar(16)   NOT NULL REFERENCES department (code),
    programme_code   varchar(32)   NOT NULL REFERENCES programme (code),
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    boundary         varchar(32)   NOT NULL CHECK (boundary IN ('RESOURCE_DEL_ADMIN', 'RESOURCE_DEL_PROGRAMME', 'CAPITAL_DEL', 'AME')),
    amount           numeric(18,2) NOT NULL CHECK (amount >= 0),
    version          integer       NOT NULL DEFAULT 0,
    updated_by       varchar(200)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (department_code, programme_code, financial_year, boundary)
);
CREATE INDEX allocation_department_year ON allocation (department_code, financial_year);

CREATE TABLE allocation_history (
    id               bigserial     PRIMARY KEY,
    allocation_id    bigint        NOT NULL REFERENCES allocation (id),
    version          integer       NOT NULL,
    amount           numeric(18,2) NOT NULL,
    reason           varchar(2000),
    changed_by       varchar(200)  NOT NULL,
    changed_at       timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX allocation_history_allocation ON allocation_history (allocation_id, version);

-- Periods the Treasury has closed: no outturn may be submitted for them any more.
CREATE TABLE closed_period (
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    period           smallint      NOT NULL CHECK (period BETWEEN 1 AND 12),
    closed_by        varchar(200)  NOT NULL,
    closed_at        timestamptz   NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (financial_year, period)
);
