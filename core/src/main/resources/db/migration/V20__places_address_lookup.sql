-- "Near Hauptstraße 3, Harsdorf": the places API resolves addresses through the places' own address
-- fields, street folded like names (Straße/Strasse, umlauts) and house number without spaces.
create index places_address_idx on places (fold_name(addr_street), lower(replace(addr_housenumber, ' ', '')))
    where addr_street is not null;
