-- A stand-in for pgvector on a server that lacks it, written for pgalign
-- (not pgvector's code): the interface of pgvector 0.8.0, so that a SQL
-- source's migrations load (vector, halfvec and sparsevec columns with
-- dimensions, hnsw and ivfflat indexes with their operator classes,
-- functions and views using the operators) and read as production's do.
-- It never runs on a database pgalign changes: only in the temporary
-- cluster, in the schema CREATE EXTENSION named (search_path), its objects
-- marked as the extension's (source/extstandin.c).
--
-- Nothing is computed. A value is kept as the text it was written as
-- (textin, textout); distances are NULL. The
-- two index methods borrow SP-GiST's handler and its text operator class
-- support functions, which hold the values safely; their own options
-- (m, ef_construction, lists) are set by the loader after the index is
-- made, as SP-GiST accepts none of them.
DO $standin$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['vector', 'halfvec', 'sparsevec'] LOOP
        EXECUTE format('CREATE TYPE %1$I', t);
        EXECUTE format('CREATE FUNCTION %1$I(cstring, oid, integer) RETURNS %2$I'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L',
            t || '_in', t, 'textin');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I) RETURNS cstring'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L',
            t || '_out', t, 'textout');
        -- The dimensions, as pgvector keeps them: the typmod is the number
        -- (bit's length is too), printed "(1536)" without a TYPMOD_OUT.
        EXECUTE format('CREATE FUNCTION %1$I(cstring[]) RETURNS integer'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %2$L',
            t || '_typmod_in', 'bittypmodin');
        EXECUTE format('CREATE TYPE %1$I (INPUT = %2$I, OUTPUT = %3$I, TYPMOD_IN = %4$I,'
            ' INTERNALLENGTH = VARIABLE, STORAGE = external)',
            t, t || '_in', t || '_out', t || '_typmod_in');
        -- Comparison, for the btree operator class and ORDER BY.
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS integer'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L',
            t || '_cmp', t, 'byteacmp');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_lt', t, 'bytealt');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_le', t, 'byteale');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_eq', t, 'byteaeq');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_ne', t, 'byteane');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_ge', t, 'byteage');
        EXECUTE format('CREATE FUNCTION %1$I(%2$I, %2$I) RETURNS boolean'
            ' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t || '_gt', t, 'byteagt');
        EXECUTE format('CREATE OPERATOR < (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = >, NEGATOR = >=)', t, t || '_lt');
        EXECUTE format('CREATE OPERATOR <= (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = >=, NEGATOR = >)', t, t || '_le');
        EXECUTE format('CREATE OPERATOR = (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = =, NEGATOR = <>)', t, t || '_eq');
        EXECUTE format('CREATE OPERATOR <> (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = <>, NEGATOR = =)', t, t || '_ne');
        EXECUTE format('CREATE OPERATOR >= (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = <=, NEGATOR = <)', t, t || '_ge');
        EXECUTE format('CREATE OPERATOR > (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = <, NEGATOR = <=)', t, t || '_gt');
        EXECUTE format('CREATE OPERATOR CLASS %1$I DEFAULT FOR TYPE %2$I USING btree AS'
            ' OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,'
            ' FUNCTION 1 %3$I(%2$I, %2$I)', t || '_ops', t, t || '_cmp');
        -- The distances and their operators.
        EXECUTE format('CREATE FUNCTION l2_distance(%1$I, %1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::float8');
        EXECUTE format('CREATE FUNCTION inner_product(%1$I, %1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::float8');
        EXECUTE format('CREATE FUNCTION cosine_distance(%1$I, %1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::float8');
        EXECUTE format('CREATE FUNCTION l1_distance(%1$I, %1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::float8');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I, %1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t,
            t || '_negative_inner_product', 'SELECT NULL::float8');
        EXECUTE format('CREATE FUNCTION l2_normalize(%1$I) RETURNS %1$I'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT $1');
        EXECUTE format('CREATE FUNCTION l2_norm(%1$I) RETURNS float8'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::float8');
        EXECUTE format('CREATE OPERATOR <-> (LEFTARG = %1$I, RIGHTARG = %1$I,'
            ' FUNCTION = l2_distance, COMMUTATOR = <->)', t);
        EXECUTE format('CREATE OPERATOR <#> (LEFTARG = %1$I, RIGHTARG = %1$I,'
            ' FUNCTION = %2$I, COMMUTATOR = <#>)', t, t || '_negative_inner_product');
        EXECUTE format('CREATE OPERATOR <=> (LEFTARG = %1$I, RIGHTARG = %1$I,'
            ' FUNCTION = cosine_distance, COMMUTATOR = <=>)', t);
        EXECUTE format('CREATE OPERATOR <+> (LEFTARG = %1$I, RIGHTARG = %1$I,'
            ' FUNCTION = l1_distance, COMMUTATOR = <+>)', t);
    END LOOP;
    -- Arithmetic and the rest of vector's and halfvec's functions.
    FOREACH t IN ARRAY ARRAY['vector', 'halfvec'] LOOP
        EXECUTE format('CREATE FUNCTION %2$I(%1$I, %1$I) RETURNS %1$I LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_add', 'SELECT $1');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I, %1$I) RETURNS %1$I LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_sub', 'SELECT $1');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I, %1$I) RETURNS %1$I LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_mul', 'SELECT $1');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I, %1$I) RETURNS %1$I LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_concat', 'SELECT $1');
        EXECUTE format('CREATE OPERATOR + (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = +)', t, t || '_add');
        EXECUTE format('CREATE OPERATOR - (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I)',
            t, t || '_sub');
        EXECUTE format('CREATE OPERATOR * (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I,'
            ' COMMUTATOR = *)', t, t || '_mul');
        EXECUTE format('CREATE OPERATOR || (LEFTARG = %1$I, RIGHTARG = %1$I, FUNCTION = %2$I)',
            t, t || '_concat');
        EXECUTE format('CREATE FUNCTION vector_dims(%1$I) RETURNS integer LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::integer');
        EXECUTE format('CREATE FUNCTION binary_quantize(%1$I) RETURNS bit LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT NULL::bit');
        EXECUTE format('CREATE FUNCTION subvector(%1$I, integer, integer) RETURNS %1$I'
            ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t, 'SELECT $1');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I[], %1$I) RETURNS %1$I[] LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_accum', 'SELECT $1');
        EXECUTE format('CREATE FUNCTION %2$I(%1$I[]) RETURNS %1$I LANGUAGE sql'
            ' IMMUTABLE STRICT PARALLEL SAFE AS %3$L', t, t || '_avg',
            format('SELECT NULL::%I.%I', current_schema(), t));
        EXECUTE format('CREATE AGGREGATE avg(%1$I) (SFUNC = %2$I, STYPE = %1$I[],'
            ' FINALFUNC = %3$I, INITCOND = %4$L)', t, t || '_accum', t || '_avg', '{}');
        EXECUTE format('CREATE AGGREGATE sum(%1$I) (SFUNC = %2$I, STYPE = %1$I)',
            t, t || '_add');
    END LOOP;
    CREATE FUNCTION vector_norm(vector) RETURNS float8
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT NULL::float8';
    CREATE FUNCTION hamming_distance(bit, bit) RETURNS float8
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT NULL::float8';
    CREATE FUNCTION jaccard_distance(bit, bit) RETURNS float8
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT NULL::float8';
    CREATE OPERATOR <~> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = hamming_distance,
        COMMUTATOR = <~>);
    CREATE OPERATOR <%> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = jaccard_distance,
        COMMUTATOR = <%>);
    -- Arrays to vectors, as pgvector casts them.
    FOREACH t IN ARRAY ARRAY['integer', 'real', 'double precision', 'numeric'] LOOP
        EXECUTE format('CREATE FUNCTION array_to_vector(%1$s[], integer, boolean)'
            ' RETURNS vector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %2$L', t,
            format('SELECT %I.vector_in(translate($1::text, ''{}'', ''[]'')::cstring, 0, -1)',
                   current_schema()));
        EXECUTE format('CREATE CAST (%1$s[] AS vector)'
            ' WITH FUNCTION array_to_vector(%1$s[], integer, boolean) AS ASSIGNMENT', t);
    END LOOP;
END
$standin$;

-- The index methods, on SP-GiST's handler and its text support functions
-- (the values are text underneath). The operator classes have no
-- operators: SP-GiST's text functions cannot order by a distance, and a
-- query that the planner let use them so would crash the server.
CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler
    LANGUAGE internal AS 'spghandler';
CREATE FUNCTION ivfflathandler(internal) RETURNS index_am_handler
    LANGUAGE internal AS 'spghandler';
CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;
CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER ivfflathandler;
CREATE FUNCTION standin_spg_config(internal, internal) RETURNS void
    LANGUAGE internal IMMUTABLE AS 'spg_text_config';
CREATE FUNCTION standin_spg_choose(internal, internal) RETURNS void
    LANGUAGE internal IMMUTABLE AS 'spg_text_choose';
CREATE FUNCTION standin_spg_picksplit(internal, internal) RETURNS void
    LANGUAGE internal IMMUTABLE AS 'spg_text_picksplit';
CREATE FUNCTION standin_spg_inner_consistent(internal, internal) RETURNS void
    LANGUAGE internal IMMUTABLE AS 'spg_text_inner_consistent';
CREATE FUNCTION standin_spg_leaf_consistent(internal, internal) RETURNS boolean
    LANGUAGE internal IMMUTABLE AS 'spg_text_leaf_consistent';
DO $standin$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM (VALUES
        ('hnsw', 'vector_l2_ops', 'vector', '<->', false),
        ('hnsw', 'vector_ip_ops', 'vector', '<#>', false),
        ('hnsw', 'vector_cosine_ops', 'vector', '<=>', false),
        ('hnsw', 'vector_l1_ops', 'vector', '<+>', false),
        ('hnsw', 'halfvec_l2_ops', 'halfvec', '<->', false),
        ('hnsw', 'halfvec_ip_ops', 'halfvec', '<#>', false),
        ('hnsw', 'halfvec_cosine_ops', 'halfvec', '<=>', false),
        ('hnsw', 'halfvec_l1_ops', 'halfvec', '<+>', false),
        ('hnsw', 'sparsevec_l2_ops', 'sparsevec', '<->', false),
        ('hnsw', 'sparsevec_ip_ops', 'sparsevec', '<#>', false),
        ('hnsw', 'sparsevec_cosine_ops', 'sparsevec', '<=>', false),
        ('hnsw', 'sparsevec_l1_ops', 'sparsevec', '<+>', false),
        ('hnsw', 'bit_hamming_ops', 'bit', '<~>', false),
        ('hnsw', 'bit_jaccard_ops', 'bit', '<%>', false),
        ('ivfflat', 'vector_l2_ops', 'vector', '<->', true),
        ('ivfflat', 'vector_ip_ops', 'vector', '<#>', false),
        ('ivfflat', 'vector_cosine_ops', 'vector', '<=>', false),
        ('ivfflat', 'halfvec_l2_ops', 'halfvec', '<->', false),
        ('ivfflat', 'halfvec_ip_ops', 'halfvec', '<#>', false),
        ('ivfflat', 'halfvec_cosine_ops', 'halfvec', '<=>', false),
        ('ivfflat', 'bit_hamming_ops', 'bit', '<~>', false)
    ) AS v(am, name, type, distance, is_default) LOOP
        -- (distance: the operator it orders by in pgvector, not here)
        EXECUTE format('CREATE OPERATOR CLASS %1$I %2$s FOR TYPE %3$s USING %4$I AS'
            ' FUNCTION 1 standin_spg_config(internal, internal),'
            ' FUNCTION 2 standin_spg_choose(internal, internal),'
            ' FUNCTION 3 standin_spg_picksplit(internal, internal),'
            ' FUNCTION 4 standin_spg_inner_consistent(internal, internal),'
            ' FUNCTION 5 standin_spg_leaf_consistent(internal, internal)',
            c.name, CASE WHEN c.is_default THEN 'DEFAULT' ELSE '' END, c.type, c.am);
    END LOOP;
END
$standin$;
