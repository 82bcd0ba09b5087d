/* The members of an operator family or class: its operators and support
 * functions (pg_amop, pg_amproc). A member belongs where its pg_depend row
 * points, as pg_dump reads it: to the class that CREATE OPERATOR CLASS
 * made it for, or to the family itself (ALTER OPERATOR FAMILY … ADD, and
 * what an access method moves there: btree's cross-type operators, all
 * of GiST's operators). Each member is a line of the attribute "members",
 * its key then its definition:
 *     OPERATOR 1 (integer, integer) public.<<<(integer,integer)
 *     OPERATOR 15 (box, point) <->(box,point) FOR ORDER BY pg_catalog.float_ops
 *     FUNCTION 1 (integer, integer) public.cmp(integer,integer)
 * The key (up to the types) is what ALTER OPERATOR FAMILY … DROP names.
 * Names are quoted as the server quotes them; a line ends at a newline
 * outside "quotes". */
#ifndef PA_KINDS_OPFAMILY_MEMBER_H
#define PA_KINDS_OPFAMILY_MEMBER_H

#include "kinds/kind.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* format_type of a member's operand type, ty an oid column. */
#define OPF_TYPE(ty) "format_type(" ty ", NULL)"
/* The member rows whose pg_depend row references refclass (pg_opclass or
 * pg_opfamily) refoid, as rows of (sort keys..., line, address). */
#define OPF_MEMBER_ROWS(refclass, refoid) \
    "SELECT 0 AS k, o.amopstrategy AS n, " OPF_TYPE("o.amoplefttype") " AS l," \
    "  " OPF_TYPE("o.amoprighttype") " AS r," \
    "  'OPERATOR ' || o.amopstrategy || ' (' || " OPF_TYPE("o.amoplefttype") \
    "  || ', ' || " OPF_TYPE("o.amoprighttype") " || ') ' || o.amopopr::regoperator::text" \
    "  || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' ||" \
    "   (SELECT " PA_SQL_QUALIFIED("sn.nspname", "sf.opfname") \
    "      FROM pg_opfamily sf JOIN pg_namespace sn ON sn.oid = sf.opfnamespace" \
    "     WHERE sf.oid = o.amopsortfamily) ELSE '' END AS line," \
    "  " PA_SQL_ADDRESS("pg_amop", "o.oid", "0") " AS address" \
    " FROM pg_depend md JOIN pg_amop o ON o.oid = md.objid" \
    " WHERE md.classid = 'pg_amop'::regclass AND md.refclassid = '" refclass "'::regclass" \
    "  AND md.refobjid = " refoid \
    " UNION ALL " \
    "SELECT 1, p.amprocnum, " OPF_TYPE("p.amproclefttype") ", " OPF_TYPE("p.amprocrighttype") "," \
    "  'FUNCTION ' || p.amprocnum || ' (' || " OPF_TYPE("p.amproclefttype") \
    "  || ', ' || " OPF_TYPE("p.amprocrighttype") " || ') ' || p.amproc::regprocedure::text," \
    "  " PA_SQL_ADDRESS("pg_amproc", "p.oid", "0") \
    " FROM pg_depend md JOIN pg_amproc p ON p.oid = md.objid" \
    " WHERE md.classid = 'pg_amproc'::regclass AND md.refclassid = '" refclass "'::regclass" \
    "  AND md.refobjid = " refoid
/* The members as the lines above, operators first, each kind by number
 * and types; and their addresses, as aliases of the family or class that
 * holds them: pg_depend then orders the operators and functions they use
 * before it, and rebuilds it around a replaced one. */
#define OPF_MEMBERS(refclass, refoid) \
    " (SELECT string_agg(x.line, E'\\n' ORDER BY x.k, x.n, x.l, x.r)" \
    "  FROM (" OPF_MEMBER_ROWS(refclass, refoid) ") x) AS members,"
#define OPF_MEMBER_ALIASES(refclass, refoid) \
    " (SELECT string_agg(x.address, ' ')" \
    "  FROM (" OPF_MEMBER_ROWS(refclass, refoid) ") x) AS aliases,"

typedef struct opf_member {
    const char *start;
    const char *key_end;    /* past the key's ")" */
    const char *end;        /* at the line's end (newline or NUL) */
} opf_member;

/* The member at *s into m, and *s past it and its newline. False at the
 * end of the text, or where a line does not read as above (*s is then
 * left at it). */
bool opf_next_member(const char **s, opf_member *m);
/* Whether list has a line equal to m. */
bool opf_has_member(const char *list, const opf_member *m);
/* What ADD (or CREATE OPERATOR CLASS … AS) says of m:
 * "OPERATOR 1 public.<<<(integer,integer)", the FUNCTION line as it is. */
void opf_add_clause(strbuf *sb, const opf_member *m);
/* What DROP says of m: "OPERATOR 1 (integer, integer)". */
void opf_drop_clause(strbuf *sb, const opf_member *m);
/* "NOUN schema.name USING method": a family or class as DROP, COMMENT ON
 * and ALTER name it. */
void opf_target(strbuf *sb, const char *noun, const char *schema, const char *name,
                const char *method);
/* Whether members (NULL: none) are all lines as above; if not, err says
 * so. */
bool opf_members_valid(const char *members, strbuf *err);

#endif
