-- Failed sign-ins are counted per login AND client address (geo-service de.ortsanker.accounts.LoginThrottle).
-- Counted per login alone, anybody who knew a login could lock its owner out for the lockout's length by
-- failing five times from anywhere; now a stranger's failures lock the login for the stranger's address only.
-- client: the address as the service sees it behind the trusted proxies (IPv6: its /64 network).
alter table login_failures add column client text not null default '';
alter table login_failures drop constraint login_failures_pkey;
alter table login_failures add primary key (login, client);
