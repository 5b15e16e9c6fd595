-- Spending review bids made by several departments together, linked to the cross-cutting outcome they support
-- (an id owned by the outcome-delivery-plan service; not a foreign key: no service reads another's tables).
CREATE TABLE joint_bid (
    id                        uuid          PRIMARY KEY,
    title                     varchar(300)  NOT NULL,
    description               varchar(4000),
    cross_cutting_outcome_id  varchar(64)   NOT NULL,
    lead_department           varchar(16)   NOT NULL REFERENCES department (code),
    status                    varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    version                   integer       NOT NULL DEFAULT 0,
    created_by                varchar(200)  NOT NULL,
    created_at                timestamptz   NOT NULL,
    updated_by                varchar(200)  NOT NULL,
    updated_at                timestamptz   NOT NULL,
    decision_comment          varchar(4000)
);

CREATE TABLE joint_bid_amount (
    joint_bid_id     uuid          NOT NULL REFERENCES joint_bid (id) ON DELETE CASCADE,
    department_code  varchar(16)   NOT NULL REFERENCES department (code),
    financial_year   varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    amount           numeric(18,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (joint_bid_id, department_code, financial_year)
);
CREATE INDEX joint_bid_amount_department ON joint_bid_amount (department_code);

-- Every status change, kept.
CREATE TABLE joint_bid_status_change (
    id            bigserial     PRIMARY KEY,
    joint_bid_id  uuid          NOT NULL REFERENCES joint_bid (id),
    from_status   varchar(16),
    to_status     varchar(16)   NOT NULL,
    comment       varchar(4000),
    changed_by    varchar(200)  NOT NULL,
    changed_at    timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX joint_bid_status_change_bid ON joint_bid_status_change (joint_bid_id, id);
