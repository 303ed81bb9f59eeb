-- "Near Hauptstraße 3, Harsdorf": besides the address gazetteer (addresses, V11), the places API finds
-- addresses that places carry themselves — folded as the gazetteer folds them.
create index places_address_idx on places (fold_street(addr_street), fold_housenumber(addr_housenumber))
    where addr_street is not null;
