-- Reporting requirements: the returns the centre asks departments for. The current state of each is one row here;
-- every state it has ever had is kept in reporting_requirement_version, which is append-only.
CREATE TABLE reporting_requirement (
    id                          uuid          PRIMARY KEY,
    code                        varchar(64)   NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$'),
    title                       varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    description                 varchar(4000),
    data_kind                   varchar(32)   NOT NULL CHECK (data_kind IN ('FORECAST_OUTTURN', 'OUTTURN', 'ODP_METRICS',
                                    'WORKFORCE', 'MAJOR_PROJECTS', 'OTHER')),
    frequency                   varchar(16)   NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'ANNUALLY', 'AD_HOC')),
    due_days_after_period_end   integer       NOT NULL CHECK (due_days_after_period_end BETWEEN 0 AND 366),
    applies_to_all_departments  boolean       NOT NULL,
    satisfied_by_live_data      boolean       NOT NULL,
    live_data_feed              varchar(100)  CHECK (live_data_feed ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
    status                      varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    retired_at                  timestamptz,
    retirement_reason           varchar(2000),
    version                     integer       NOT NULL CHECK (version >= 1),
    created_by                  varchar(200)  NOT NULL,
    created_at                  timestamptz   NOT NULL,
    updated_by                  varchar(200)  NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    CONSTRAINT reporting_requirement_code_key UNIQUE (code),
    -- live data satisfies a requirement only through a named feed
    CONSTRAINT reporting_requirement_feed CHECK (satisfied_by_live_data = (live_data_feed IS NOT NULL)),
    CONSTRAINT reporting_requirement_retired CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL))
);

-- The departments a requirement applies to, when it does not apply to all of them.
CREATE TABLE reporting_requirement_department (
    requirement_id   uuid         NOT NULL REFERENCES reporting_requirement (id),
    department_code  varchar(16)  NOT NULL CHECK (department_code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    PRIMARY KEY (requirement_id, department_code)
);

CREATE INDEX reporting_requirement_department_code ON reporting_requirement_department (department_code);

-- Every state a requirement has had: version 1 when created, one more for each change. The snapshot is the
-- requirement as the API showed it after the change.
CREATE TABLE reporting_requirement_version (
    id              bigserial     PRIMARY KEY,
    requirement_id  uuid          NOT NULL REFERENCES reporting_requirement (id),
    version         integer       NOT NULL CHECK (version >= 1),
    change_type     varchar(16)   NOT NULL CHECK (change_type IN ('CREATED', 'UPDATED', 'RETIRED')),
    snapshot        jsonb         NOT NULL,
    changed_by      varchar(200)  NOT NULL,
    changed_at      timestamptz   NOT NULL,
    CONSTRAINT reporting_requirement_version_key UNIQUE (requirement_id, version)
);

-- History is append-only: no update, no delete.
CREATE FUNCTION reporting_requirement_version_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reporting_requirement_version is append-only';
END $$;
CREATE TRIGGER reporting_requirement_version_append_only BEFORE UPDATE OR DELETE ON reporting_requirement_version
    FOR EACH ROW EXECUTE FUNCTION reporting_requirement_version_append_only();
