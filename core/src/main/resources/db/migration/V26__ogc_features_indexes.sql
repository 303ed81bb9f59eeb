-- OGC API Features counts the public places of a collection (numberMatched) by kind: this partial index
-- answers that from the index alone (kind, and valid_to for the "not expired" test) instead of scanning
-- every place. Measured on 1,000,000 places: 700 ms → 140 ms for the largest group (docs/benchmarks.md).
create index places_public_kind_idx on places (kind, valid_to) where retired_at is null and is_public;
