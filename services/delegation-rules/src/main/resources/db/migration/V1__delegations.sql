-- A department's delegated authority: a versioned set of rules. A change is a new version; no version is ever
-- overwritten or deleted, so every decision can be traced to the rules it was made under.
CREATE TABLE delegation_version (
    id               bigserial     PRIMARY KEY,
    department_code  varchar(16)   NOT NULL CHECK (department_code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    version          integer       NOT NULL CHECK (version >= 1),
    reason           varchar(2000) NOT NULL CHECK (btrim(reason) <> ''),
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT delegation_version_key UNIQUE (department_code, version)
);

-- One rule of a version: up to which whole-life cost the department may approve a kind of spend itself, and who
-- approves above it. Novel, contentious or repercussive spend is never delegated (it always needs the Treasury), and
-- digital and technology spend above its threshold always goes to a Cabinet Office spend control.
CREATE TABLE delegation_rule (
    id                     bigserial     PRIMARY KEY,
    delegation_version_id  bigint        NOT NULL REFERENCES delegation_version (id),
    kind_of_spend          varchar(40)   NOT NULL CHECK (kind_of_spend IN ('CAPITAL_PROJECT', 'RESOURCE_PROGRAMME',
                               'PROCUREMENT_CONTRACT', 'DIGITAL_AND_TECHNOLOGY', 'PROPERTY', 'CONSULTANCY')),
    threshold              numeric(18,2) NOT NULL CHECK (threshold >= 0),
    approver_above         varchar(40)   NOT NULL CHECK (approver_above IN ('TREASURY', 'CABINET_OFFICE_SPEND_CONTROL')),
    CONSTRAINT delegation_rule_kind_once UNIQUE (delegation_version_id, kind_of_spend),
    CONSTRAINT delegation_rule_digital_to_cabinet_office
        CHECK (kind_of_spend <> 'DIGITAL_AND_TECHNOLOGY' OR approver_above = 'CABINET_OFFICE_SPEND_CONTROL')
);

-- Versions and their rules are append-only: no update, no delete.
CREATE FUNCTION delegation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER delegation_version_append_only BEFORE UPDATE OR DELETE ON delegation_version
    FOR EACH ROW EXECUTE FUNCTION delegation_append_only();
CREATE TRIGGER delegation_rule_append_only BEFORE UPDATE OR DELETE ON delegation_rule
    FOR EACH ROW EXECUTE FUNCTION delegation_append_only();
