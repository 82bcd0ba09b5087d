/* The kinds pgalign does not model yet, each a part of one query that
 * names their user objects (not an extension's, not built in), so that no
 * verdict passes over them unseen. Each part gives:
 *   what     the kind, as messages say it
 *   schema   the object's schema (or its table's), NULL for global kinds
 *   label    the object's name within its kind, quoted and qualified
 *   def      what a change to it would change, hashed on the server:
 *            options (where passwords live) never leave it as text;
 *            never NULL but where the role inspecting may not read it
 *   printed  whether def holds text the server printed (an expression),
 *            which servers of two majors may print differently
 * A kind that a new server adds is a new part with its `since`. When a
 * kind becomes modeled, its part goes. */
#include "kinds/census.h"
#include "kinds/kind.h"
#include "kinds/user_mapping.h"
#include "model/census.h"
#include "util/words.h"

#include <stddef.h>
#include <string.h>

typedef struct census_part {
    int since;      /* first server version that has the kind */
    const char *sql;
    /* A relation of a platform's that the part reads, or NULL: the part
     * is in the query only where a kind that reads it is (inspect.c). */
    const char *requires;
} census_part;

/* The first part names the columns. User mappings are modeled, but the
 * options of one may be hidden from the role inspecting (kinds/
 * user_mapping.c): those are named here, their definition NULL. */
static const char user_mapping_options_sql[] =
    "SELECT 'user mapping options' AS what, NULL::text AS schema, 'for ' || CASE"
    " WHEN u.umuser = 0 THEN 'PUBLIC' ELSE quote_ident(u.usename) END || ' server '"
    " || quote_ident(u.srvname) AS label, NULL::text AS def, false AS printed"
    " FROM pg_user_mappings u JOIN pg_foreign_server s ON s.oid = u.srvid"
    " WHERE u.umoptions IS NULL AND NOT " PA_SQL_USER_MAPPING_OPTIONS_READABLE
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_user_mapping", "u.umid")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_foreign_server", "s.oid");

/* Base types a user created (CREATE TYPE with input and output
 * functions), and shell types (CREATE TYPE name alone): not their array
 * types, which come with them. */
static const char base_type_sql[] =
    "SELECT 'base type', n.nspname, " PA_SQL_QUALIFIED("n.nspname", "t.typname") ","
    " CASE WHEN NOT t.typisdefined THEN 'shell' ELSE concat_ws(' ',"
    " t.typinput::regproc, t.typoutput::regproc, t.typreceive::regproc, t.typsend::regproc,"
    " t.typmodin::regproc, t.typmodout::regproc, t.typanalyze::regproc,"
    " t.typsubscript::regproc, t.typlen, t.typbyval, t.typalign, t.typstorage,"
    " t.typcategory, t.typispreferred, t.typdelim, t.typelem::regtype,"
    " t.typcollation <> 0, t.typdefault) END, false"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " WHERE (t.typtype = 'b' OR (t.typtype = 'p' AND NOT t.typisdefined))"
    " AND t.oid >= 16384"
    " AND t.oid NOT IN (SELECT a.typarray FROM pg_type a WHERE a.typarray <> 0)"
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

/* The connection string (and its password) is the superuser's to read and
 * is left out; so is streaming, whose default is off before 18 and
 * parallel from 18 on: one CREATE SUBSCRIPTION on both is alike. */
static const char subscription_sql[] =
    "SELECT 'subscription', NULL, quote_ident(s.subname),"
    " concat_ws(' ', s.subenabled, s.subbinary, s.subslotname,"
    " s.subsynccommit, s.subpublications::text), false"
    " FROM pg_subscription s"
    " WHERE s.subdbid = (SELECT d.oid FROM pg_database d"
    " WHERE d.datname = current_database())";

/* From pg_seclabel itself (usually empty): the pg_seclabels view is a
 * union over every catalog that took longer to plan than the rest of the
 * census to run. Labels on shared objects (roles) are pg_dumpall's. */
static const char security_label_sql[] =
    "SELECT 'security label', i.schema,"
    " quote_ident(l.provider) || ' on ' || i.type || ' ' || i.identity, l.label, false"
    " FROM pg_seclabel l"
    " CROSS JOIN LATERAL pg_identify_object(l.classoid, l.objoid, l.objsubid) i"
    " WHERE l.objoid >= 16384";

/* pg_cron jobs without a name (cron_job.c matches jobs by name): named
 * by what they run, so that the same job on both sides is alike. */
static const char unnamed_cron_job_sql[] =
    "SELECT 'cron job without a name', NULL, quote_literal(j.schedule) || ' ' ||"
    " quote_literal(j.command), concat_ws(' ',"
    " CASE WHEN j.database = current_database() THEN '' ELSE j.database END,"
    " CASE WHEN j.username = current_user THEN '' ELSE j.username END, j.active), false"
    " FROM cron.job j WHERE j.jobname IS NULL";

static const census_part census_parts[] = {
    {0, user_mapping_options_sql, NULL},
    {0, base_type_sql, NULL},
    {0, subscription_sql, NULL},
    {0, security_label_sql, NULL},
    {0, unnamed_cron_job_sql, "cron.job"},
};

const census_kind_since census_kinds_since[] = {
    {"base type", 4},
    {NULL, 0},
};

/* The digest is cut to 16 hex digits (sha256: md5 is refused on servers
 * in FIPS mode). A part gives a NULL definition only where the role
 * inspecting may not read it: its digest says so (CENSUS_DIGEST_HIDDEN). */
static const char census_head[] =
    "SELECT x.what, x.schema, x.label,"
    " CASE WHEN x.def IS NULL THEN '" CENSUS_DIGEST_HIDDEN "'"
    " ELSE left(encode(sha256(convert_to(x.def, 'UTF8')), 'hex'), 16) END AS digest,"
    " x.printed FROM (";
static const char census_tail[] =
    ") x WHERE x.schema IS NULL OR (x.schema NOT IN ('pg_catalog', 'information_schema')"
    " AND x.schema !~ '^pg_(toast|temp_|toast_temp_)')";

bool census_kind_known(const pa_pattern *p)
{
    static const char head[] = "SELECT '";
    for (size_t i = 0; i < sizeof(census_parts) / sizeof(census_parts[0]); i++) {
        /* The kind word is the literal a part selects first. */
        const char *word = census_parts[i].sql + sizeof(head) - 1;
        const char *end = strchr(word, '\'');
        char buf[64];
        if (!end || (size_t)(end - word) >= sizeof(buf))
            continue;
        memcpy(buf, word, (size_t)(end - word));
        buf[end - word] = '\0';
        if (pattern_kind_is(p, buf))
            return true;
    }
    return false;
}

void census_query_text(int server_version, const char *const *relations, strbuf *out)
{
    sb_adds(out, census_head);
    bool first = true;
    for (size_t i = 0; i < sizeof(census_parts) / sizeof(census_parts[0]); i++) {
        if (server_version < census_parts[i].since ||
            (census_parts[i].requires && !string_in_list(census_parts[i].requires, relations)))
            continue;
        if (!first)
            sb_adds(out, " UNION ALL ");
        sb_adds(out, census_parts[i].sql);
        first = false;
    }
    sb_adds(out, census_tail);
}
