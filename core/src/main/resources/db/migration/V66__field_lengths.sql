-- Input limits, stated and enforced. No field had a limit: a 409 KB Excel file holding a 400 MB cell made
-- PostgreSQL try to allocate 1.6 GB, and 1 MB names were accepted and served. The importers reject a record
-- whose text is longer (naming line and field, de.ortsanker.imports.PlaceFields); these constraints keep
-- every other writer to the same limits. The figures are generous: OpenStreetMap's tags end at 255
-- characters, the longest official municipality name has 68.
alter table places
    add constraint places_name_length check (char_length(name) <= 300),
    add constraint places_description_length check (char_length(description) <= 10000),
    add constraint places_text_lengths check (
        char_length(addr_street) <= 2000 and char_length(addr_housenumber) <= 2000
        and char_length(addr_postcode) <= 2000 and char_length(addr_city) <= 2000
        and char_length(opening_hours) <= 2000 and char_length(wheelchair) <= 2000
        and char_length(operator) <= 2000 and char_length(operator_type) <= 2000
        and char_length(contact_role) <= 2000 and char_length(contact_phone) <= 2000
        and char_length(contact_email) <= 2000 and char_length(website) <= 2000
        and char_length(booking_url) <= 2000 and char_length(source_url) <= 2000
        and char_length(source_id) <= 2000 and char_length(source) <= 2000);
alter table localities add constraint localities_name_length check (char_length(name) <= 300);
alter table admin_areas add constraint admin_areas_name_length check (char_length(name) <= 300);
