-- PostgreSQL 18: virtual generated columns (the default kind).
create table boxes (
    w int not null,
    h int not null,
    area int generated always as (w * h),
    perimeter int generated always as (2 * (w + h) + 0) virtual,
    ratio numeric generated always as (w::numeric / h)
);
create table labels (id int, txt text, up text generated always as (upper(txt)));
