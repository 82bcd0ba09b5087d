/* pg_cron jobs (under --profile supabase, where cron.job exists), by job
 * name: schedule, command, database, user and whether active. Planned
 * with pg_cron's own functions: cron.schedule for a new job (then
 * cron.alter_job for what it does not set), cron.alter_job for a changed
 * one, cron.unschedule (with --unsafe) for one only FROM has. The
 * database and the user are read relative to the inspection: '' for the
 * database inspected and the role inspecting (a job of staging's database
 * is one of production's database). Jobs without a name cannot be
 * matched: the census names them (kinds/census.c). */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char cron_job_query[] =
    "SELECT NULL::text AS schema, j.jobname::text AS name, NULL::text AS tbl,"
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps,"
    " NULL::int AS ordinal, j.schedule::text AS schedule, j.command::text AS command,"
    " CASE WHEN j.database = current_database() THEN '' ELSE j.database::text END"
    "   AS database,"
    " CASE WHEN j.username = current_user THEN '' ELSE j.username::text END AS username,"
    " CASE WHEN j.active THEN 'true' ELSE 'false' END AS active"
    " FROM cron.job j WHERE j.jobname IS NOT NULL";

enum { CJ_SCHEDULE, CJ_COMMAND, CJ_DATABASE, CJ_USERNAME, CJ_ACTIVE, CJ_NATTRS };
static const pa_attr_rule cron_job_attrs[] = {
    [CJ_SCHEDULE] = {"schedule", ATTR_ALTER, NONEMPTY},
    [CJ_COMMAND] = {"command", ATTR_ALTER, REQUIRED},
    [CJ_DATABASE] = {"database", ATTR_ALTER, REQUIRED},
    [CJ_USERNAME] = {"username", ATTR_ALTER, REQUIRED},
    [CJ_ACTIVE] = {"active", ATTR_ALTER, NONEMPTY},
};
KIND_ATTRS_IN_STEP(cron_job_attrs, CJ_NATTRS);

static void cron_job_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "cron job ");
    sql_literal(sb, o->name);
}

/* database := ..., the database the plan runs in for ''. */
static void relative(strbuf *sb, const char *param, const char *value, const char *here)
{
    sb_addf(sb, ", %s := ", param);
    if (*value)
        sql_literal(sb, value);
    else
        sb_adds(sb, here);
}

/* SELECT cron.alter_job(<the job of that name and owner>, ...) of the
 * attributes set in which; nothing when none is. owner is the job's user
 * now ('' for the role the plan runs as). */
static void alter_job(pa_plan *p, const char *owner, const pa_object *to, const bool *which)
{
    bool any = false;
    for (int a = 0; a < CJ_NATTRS; a++)
        any |= which[a];
    if (!any)
        return;
    const char *const *v = to->values;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "SELECT cron.alter_job((SELECT j.jobid FROM cron.job j WHERE j.jobname = ");
    sql_literal(sb, to->name);
    sb_adds(sb, " AND j.username = ");
    if (*owner)
        sql_literal(sb, owner);
    else
        sb_adds(sb, "current_user");
    sb_adds(sb, ")");
    if (which[CJ_SCHEDULE]) {
        sb_adds(sb, ", schedule := ");
        sql_literal(sb, v[CJ_SCHEDULE]);
    }
    if (which[CJ_COMMAND]) {
        sb_adds(sb, ", command := ");
        sql_literal(sb, v[CJ_COMMAND]);
    }
    if (which[CJ_DATABASE])
        relative(sb, "database", v[CJ_DATABASE], "current_database()");
    if (which[CJ_USERNAME])
        relative(sb, "username", v[CJ_USERNAME], "current_user");
    if (which[CJ_ACTIVE])
        sb_addf(sb, ", active := %s", strcmp(v[CJ_ACTIVE], "true") == 0 ? "true" : "false");
    sb_addc(sb, ')');
}

/* cron.schedule makes an active job of the role that runs it, in the
 * database it runs in: anything else is set after. */
static void cron_job_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "SELECT cron.schedule(");
    sql_literal(sb, to->name);
    sb_adds(sb, ", ");
    sql_literal(sb, to->values[CJ_SCHEDULE]);
    sb_adds(sb, ", ");
    sql_literal(sb, to->values[CJ_COMMAND]);
    sb_addc(sb, ')');
    bool rest[CJ_NATTRS] = {
        [CJ_DATABASE] = *to->values[CJ_DATABASE] != '\0',
        [CJ_USERNAME] = *to->values[CJ_USERNAME] != '\0',
        [CJ_ACTIVE] = strcmp(to->values[CJ_ACTIVE], "true") != 0,
    };
    alter_job(p, "", to, rest);
}

static void cron_job_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "SELECT cron.unschedule(");
    sql_literal(sb, from->name);
    sb_addc(sb, ')');
}

static void cron_job_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                           const bool *changed)
{
    alter_job(p, from->values[CJ_USERNAME], to, changed);
}

const pa_kind kind_cron_job = {
    .name = "cron_job",
    .rank = 142,
    .snapshot_since = 3,
    .census_what = "cron job",
    .query = cron_job_query,
    .profile = "supabase",
    .requires_relation = "cron.job",
    .attrs = KIND_ATTRS(cron_job_attrs),
    .target = cron_job_target,
    .create = cron_job_create,
    .drop = cron_job_drop,
    .alter = cron_job_alter,
};
