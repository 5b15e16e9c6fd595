-- Issue 9: rule sets as effective-dated versions with maker and checker, recorded decisions, approvals.
-- The first model (one append-only version of four-kind rules per department, V1) is replaced, but its tables stay:
-- expand and contract (docs/runbook.md). During a rolling update, and after a rollback, the previous release's pods run
-- against this schema and still read and write delegation_version and delegation_rule; this release never touches
-- them. A later release drops them (delegation_rule, delegation_version, delegation_append_only()) once no running code
-- reads them.

-- A department's rule set (such as its delegated authority, owned by the Treasury, or its spend controls, owned by
-- the Cabinet Office). The owner is data: administrators of the owning body manage the rule set, and ownership can be
-- handed over (rule_set_owner_change keeps every hand-over). revision is the ETag of the rule set itself.
CREATE TABLE rule_set (
    id               uuid          PRIMARY KEY,
    department_code  varchar(16)   NOT NULL CHECK (department_code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    name             varchar(64)   NOT NULL CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title            varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    owner            varchar(20)   NOT NULL CHECK (owner IN ('TREASURY', 'CABINET_OFFICE')),
    revision         integer       NOT NULL CHECK (revision >= 1),
    created_by       varchar(200)  NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT rule_set_name_key UNIQUE (department_code, name)
);

CREATE TABLE rule_set_owner_change (
    id               bigserial     PRIMARY KEY,
    rule_set_id      uuid          NOT NULL REFERENCES rule_set (id),
    from_owner       varchar(20)   NOT NULL,
    to_owner         varchar(20)   NOT NULL CHECK (to_owner <> from_owner),
    reason           varchar(2000) NOT NULL CHECK (btrim(reason) <> ''),
    changed_by       varchar(200)  NOT NULL,
    changed_at       timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX rule_set_owner_change_set ON rule_set_owner_change (rule_set_id, id);

-- One version of a rule set: a draft (editable, revision is its ETag), then approved by a checker who is none of its
-- makers (everyone who drafted or edited it), or withdrawn. An approved version takes effect on its effective date and
-- is never changed again; a withdrawn one neither. Rules are the whole document of the version (limits, spend
-- controls, CEL conditions), checked by the service before it is saved.
CREATE TABLE rule_set_version (
    id               uuid          PRIMARY KEY,
    rule_set_id      uuid          NOT NULL REFERENCES rule_set (id),
    department_code  varchar(16)   NOT NULL,
    number           integer       NOT NULL CHECK (number >= 1),
    status           varchar(12)   NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'WITHDRAWN')),
    effective_from   date          NOT NULL,
    rules            jsonb         NOT NULL,
    rule_count       integer       NOT NULL CHECK (rule_count >= 0),
    note             varchar(2000) NOT NULL CHECK (btrim(note) <> ''),
    revision         integer       NOT NULL CHECK (revision >= 1),
    makers           jsonb         NOT NULL CHECK (jsonb_typeof(makers) = 'array'),
    drafted_by       varchar(200)  NOT NULL,
    drafted_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    approved_by      varchar(200),
    approved_at      timestamptz,
    withdrawn_by     varchar(200),
    withdrawn_at     timestamptz,
    CONSTRAINT rule_set_version_number_key UNIQUE (rule_set_id, number),
    CONSTRAINT rule_set_version_approved CHECK ((status = 'APPROVED') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
    CONSTRAINT rule_set_version_withdrawn CHECK ((status = 'WITHDRAWN') = (withdrawn_by IS NOT NULL)),
    -- maker and checker: whoever drafted or edited a version can never approve it
    CONSTRAINT rule_set_version_checker_not_maker CHECK (approved_by IS NULL OR NOT (makers ? approved_by))
);
-- at most one open draft per rule set
CREATE UNIQUE INDEX rule_set_version_one_draft ON rule_set_version (rule_set_id) WHERE status = 'DRAFT';
-- the versions in force for a department at a date
CREATE INDEX rule_set_version_in_force ON rule_set_version (department_code, rule_set_id, effective_from DESC, number DESC)
    WHERE status = 'APPROVED';

-- Approved and withdrawn versions never change; no version is ever deleted.
CREATE FUNCTION rule_set_version_settled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'rule_set_version rows are never deleted';
    END IF;
    IF OLD.status <> 'DRAFT' THEN
        RAISE EXCEPTION 'version % of rule set % is %: it never changes', OLD.number, OLD.rule_set_id, OLD.status;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER rule_set_version_settled BEFORE UPDATE OR DELETE ON rule_set_version
    FOR EACH ROW EXECUTE FUNCTION rule_set_version_settled();

-- Every decision asked for, as answered: the proposal's fields (columns, so that an impact replay reads them fast),
-- the date the rules were applied as at, whether the department submitted it for approval, and the explanation (the
-- approvals needed, every rule that fired with its reason and figures, the limits that held, the versions used).
CREATE TABLE decision (
    id               uuid          PRIMARY KEY,
    seq              bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    department_code  varchar(16)   NOT NULL,
    category         varchar(40)   NOT NULL,
    whole_life_cost  numeric(15,2) NOT NULL CHECK (whole_life_cost >= 0),
    annual_cost      numeric(15,2) NOT NULL CHECK (annual_cost >= 0),
    stage            varchar(30),
    novel            boolean       NOT NULL,
    contentious      boolean       NOT NULL,
    repercussive     boolean       NOT NULL,
    programme        varchar(64),
    description      varchar(2000),
    as_at            date          NOT NULL,
    live             boolean       NOT NULL,
    submitted        boolean       NOT NULL,
    outcome          varchar(20)   NOT NULL CHECK (outcome IN ('WITHIN_DELEGATION', 'NEEDS_APPROVAL')),
    explanation      jsonb         NOT NULL,
    recorded_by      varchar(200)  NOT NULL,
    recorded_at      timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT decision_submitted_live CHECK (NOT submitted OR live)
);
CREATE INDEX decision_department ON decision (department_code, seq);
-- the recorded proposals of a department in a window (impact replay)
CREATE INDEX decision_replay ON decision (department_code, recorded_at) WHERE live;

-- One approval a submitted proposal needs, from one central body: pending, then approved (perhaps with conditions) or
-- rejected (with a comment), once. revision is its ETag.
CREATE TABLE approval (
    id               uuid          PRIMARY KEY,
    seq              bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    decision_id      uuid          NOT NULL REFERENCES decision (id),
    department_code  varchar(16)   NOT NULL,
    approver         varchar(20)   NOT NULL CHECK (approver IN ('TREASURY', 'CABINET_OFFICE')),
    spend_controls   jsonb         NOT NULL,
    rules            jsonb         NOT NULL,
    status           varchar(12)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    revision         integer       NOT NULL CHECK (revision >= 1),
    opened_at        timestamptz   NOT NULL DEFAULT clock_timestamp(),
    decided_by       varchar(200),
    decided_at       timestamptz,
    comment          varchar(4000),
    conditions       jsonb         NOT NULL DEFAULT '[]',
    CONSTRAINT approval_once UNIQUE (decision_id, approver),
    CONSTRAINT approval_decided CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CONSTRAINT approval_rejection_comment CHECK (status <> 'REJECTED' OR btrim(coalesce(comment, '')) <> '')
);
CREATE INDEX approval_pending ON approval (approver, seq) WHERE status = 'PENDING';
CREATE INDEX approval_department ON approval (department_code, seq);
CREATE INDEX approval_decision ON approval (decision_id);
