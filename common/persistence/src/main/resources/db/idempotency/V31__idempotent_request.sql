-- Idempotency-Key (docs/architecture.md, "Retries"): the first answer to a create sent with a key, kept so that the same
-- request again answers it again, and the same key with another request is refused. Written in the same transaction as
-- the object it created, by common-persistence's IdempotentRequests; shared by every service (location
-- db/idempotency in quarkus.flyway.locations). A key belongs to one caller and one operation; it is honoured for 24
-- hours, after which the caller may use it again (the old answer is replaced).
-- Version 31: a migration shared from the jar takes a version above every service's highest when it is added (budget's
-- was 30), so that an upgraded database applies it in order (Flyway refuses a pending version below an applied one).
CREATE TABLE idempotent_request (
    caller           varchar(200)  NOT NULL,
    operation        varchar(200)  NOT NULL,
    idempotency_key  varchar(200)  NOT NULL,
    request_hash     char(64)      NOT NULL,
    status           smallint      NOT NULL CHECK (status BETWEEN 200 AND 299),
    location         varchar(2000),
    etag             varchar(200),
    body             text,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (caller, operation, idempotency_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
