-- Short fuzzy queries cheap. A two-letter search ("st") matched by trigram similarity or substring read most
-- of the 800,000 places' trigram index and rows (~3 s each): 32 such requests held every pooled
-- connection. Queries shorter than three letters now match names that start with them, by a range over
-- the folded name in byte order (collation "C", so that the range is one B-tree scan also in a generic
-- plan, where LIKE with a bound pattern could not use an index).
create index places_name_prefix_idx on places ((name_folded collate "C"));
create index localities_name_prefix_idx on localities ((name_folded collate "C")) where retired_at is null;
create index admin_areas_name_prefix_idx on admin_areas ((name_folded collate "C")) where retired_at is null;
