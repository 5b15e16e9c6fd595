-- An allocation may carry a monthly profile: twelve shares of its full-year amount, April (element 1) to March
-- (element 12), each between 0 and 1 with at most 6 decimal places, summing to exactly 1. Variance takes the budget
-- to date from it (amount x the shares of periods 1..P); NULL means flat twelfths. The service validates profiles
-- field by field (services/budget/README.md); this check only guards the table. Profile changes are kept in the
-- history like amount changes.
CREATE FUNCTION allocation_profile_valid(profile numeric[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT profile IS NULL
        OR (array_ndims(profile) = 1 AND array_lower(profile, 1) = 1 AND array_length(profile, 1) = 12
            AND (SELECT bool_and(share IS NOT NULL AND share >= 0) AND sum(share) = 1 FROM unnest(profile) AS share))
$$;

ALTER TABLE allocation ADD COLUMN monthly_profile numeric(7,6)[]
    CONSTRAINT allocation_monthly_profile_valid CHECK (allocation_profile_valid(monthly_profile));
ALTER TABLE allocation_history ADD COLUMN monthly_profile numeric(7,6)[]
    CONSTRAINT allocation_history_monthly_profile_valid CHECK (allocation_profile_valid(monthly_profile));
