create table boxes (
    w int not null,
    h int not null,
    area int generated always as (w * h) stored,
    perimeter int generated always as (2 * (w + h)) virtual,
    ratio numeric
);
