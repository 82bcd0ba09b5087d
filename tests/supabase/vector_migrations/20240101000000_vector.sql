-- A Supabase AI app's first migration: pgvector in the extensions schema.
create extension if not exists vector with schema extensions;

create table public.documents (
    id bigserial primary key,
    content text not null,
    embedding extensions.vector(1536),
    summary_embedding extensions.halfvec(768),
    keywords extensions.sparsevec(30000)
);
