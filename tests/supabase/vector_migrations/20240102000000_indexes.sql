create index documents_embedding_hnsw on public.documents
    using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);
create index documents_embedding_ivfflat on public.documents using ivfflat (embedding vector_l2_ops) with (lists = '100');
create index on public.documents using hnsw (summary_embedding halfvec_ip_ops);

create or replace function public.match_documents (
    query_embedding extensions.vector(1536),
    match_threshold float,
    match_count int
) returns table (id bigint, content text, similarity float)
language sql stable
as $$
    select d.id, d.content, 1 - (d.embedding <=> query_embedding) as similarity
    from public.documents d
    where 1 - (d.embedding <=> query_embedding) > match_threshold
    order by d.embedding <=> query_embedding
    limit match_count;
$$;

create function public.nearest(q extensions.vector(1536)) returns bigint
language sql stable
begin atomic
    select d.id from public.documents d order by d.embedding operator(extensions.<->) q limit 1;
end;
