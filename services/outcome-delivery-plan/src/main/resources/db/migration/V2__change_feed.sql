-- The change feed (outbox) of the ODP service: one event per change, written in the same transaction as the change by
-- common's ChangeFeed, the same table as every service's feed. Positions are in commit order because writers take a
-- transaction-level advisory lock before they append. Append-only.
CREATE TABLE change_event (
    position         bigserial     PRIMARY KEY,
    event_id         uuid          NOT NULL UNIQUE,
    event_type       varchar(64)   NOT NULL,
    aggregate_type   varchar(64)   NOT NULL,
    aggregate_id     varchar(200)  NOT NULL,
    departments      varchar(16)[] NOT NULL,
    payload          jsonb         NOT NULL,
    recorded_by      varchar(200)  NOT NULL,
    occurred_at      timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX change_event_departments ON change_event USING gin (departments);
CREATE INDEX change_event_aggregate ON change_event (aggregate_type, aggregate_id, position);

CREATE FUNCTION change_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'change_event is append-only';
END $$;
CREATE TRIGGER change_event_append_only BEFORE UPDATE OR DELETE ON change_event
    FOR EACH ROW EXECUTE FUNCTION change_event_append_only();
