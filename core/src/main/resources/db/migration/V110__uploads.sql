-- Municipal lists uploaded by their stewards (geo-service de.ortsanker.uploads): the file kept between its dry
-- run and its confirmation, so that the confirmation imports exactly the file that was checked, and the state
-- of its source then (de.ortsanker.imports.Uploads.sourceState), so that a source changed in between is refused.
-- Owned by the account that uploaded it and named by the municipality (AGS) and the list, never by the file.
create table uploads (
    id            uuid primary key,
    account_id    bigint not null references accounts (id) on delete cascade,
    ags           text not null check (ags ~ '^[0-9]{8}$|^[0-9]{12}$'),
    list          text not null check (list ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    source        text not null,
    licence       text not null,
    attribution   text not null,
    file_name     text not null,
    -- the file as uploaded; dropped once it is imported (the run keeps its checksum)
    content       bytea,
    sha256        text not null,
    source_state  text not null,
    dry_run       jsonb not null,
    created_at    timestamptz not null default now(),
    confirmed_at  timestamptz,
    result        jsonb
);

create index uploads_of_account on uploads (account_id, created_at desc);
