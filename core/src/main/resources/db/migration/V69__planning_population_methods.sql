-- Planning answers state each village's population method as the database computes it (V68): a share of the
-- municipality's official figure by addresses or by kind of settlement replaces the median "estimate" of
-- before. Published answers of before keep 'estimate'.
alter table planning_underserved drop constraint planning_underserved_population_method_check;
alter table planning_underserved add constraint planning_underserved_population_method_check
    check (population_method in ('own', 'zensus', 'addresses', 'settlement_kind', 'unknown', 'estimate'));
