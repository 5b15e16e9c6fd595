-- The change feed (outbox) of a service, in the service's own schema: one row per committed change, written in the
-- same transaction as the change by common-persistence's ChangeFeed. Shared by every service: each lists the location
-- db/change-feed (inside the common-persistence jar) in quarkus.flyway.locations, so this one file migrates every
-- service's feed. Positions are in commit order because writers take a transaction-level advisory lock before they
-- draw a position and hold it until commit (see ChangeFeed and docs/change-feeds.md). Rows are never updated or deleted.
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
-- a department's reader: the events whose departments include its own
CREATE INDEX change_event_departments ON change_event USING gin (departments);
-- the history of one object
CREATE INDEX change_event_aggregate ON change_event (aggregate_type, aggregate_id, position);

CREATE FUNCTION change_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'change_event is append-only';
END $$;
CREATE TRIGGER change_event_append_only BEFORE UPDATE OR DELETE ON change_event
    FOR EACH ROW EXECUTE FUNCTION change_event_append_only();
