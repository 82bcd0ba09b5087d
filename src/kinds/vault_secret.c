/* Supabase Vault secrets (under --profile supabase), by name and
 * description only: a secret's value is never read (not its column of
 * vault.secrets, never the decrypted view), printed or compared. A
 * secret only TARGET has cannot be made from what pgalign knows: the plan
 * says to create it by hand (with a placeholder for the value), and the
 * databases differ until one of that name exists. A description is
 * changed through vault.update_secret, which keeps the value (and, where
 * the description is part of the encryption's associated data, encrypts
 * it again). Secrets without a name cannot be matched: not compared. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char vault_secret_query[] =
    "SELECT NULL::text AS schema, s.name::text AS name, NULL::text AS tbl,"
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps,"
    " NULL::int AS ordinal, coalesce(s.description, '')::text AS description"
    " FROM vault.secrets s WHERE s.name IS NOT NULL";

enum { VS_DESCRIPTION, VS_NATTRS };
static const pa_attr_rule vault_secret_attrs[] = {
    [VS_DESCRIPTION] = {"description", ATTR_ALTER, REQUIRED},
};
KIND_ATTRS_IN_STEP(vault_secret_attrs, VS_NATTRS);

static void vault_secret_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "vault secret ");
    sql_literal(sb, o->name);
}

static void vault_secret_create(pa_plan *p, const pa_object *to)
{
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "select vault.create_secret('<value>', ");
    sql_literal(&sql, to->name);
    sb_adds(&sql, ", ");
    sql_literal(&sql, to->values[VS_DESCRIPTION]);
    sb_addc(&sql, ')');
    plan_note(p, "create the Vault secret %s by hand (pgalign never reads secrets): %s",
              to->name, sql.buf);
    sb_release(&sql);
}

static void vault_secret_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "DELETE FROM vault.secrets WHERE name = ");
    sql_literal(sb, from->name);
}

static void vault_secret_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                               const bool *changed)
{
    (void)from;
    (void)changed;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "SELECT vault.update_secret(s.id, new_description => ");
    sql_literal(sb, to->values[VS_DESCRIPTION]);
    sb_adds(sb, ") FROM vault.secrets s WHERE s.name = ");
    sql_literal(sb, to->name);
}

const pa_kind kind_vault_secret = {
    .name = "vault_secret",
    .rank = 141,
    .snapshot_since = 3,
    .census_what = "Vault secret",
    .query = vault_secret_query,
    .profile = "supabase",
    .requires_relation = "vault.secrets",
    .made_by_hand = true,
    .attrs = KIND_ATTRS(vault_secret_attrs),
    .target = vault_secret_target,
    .create = vault_secret_create,
    .drop = vault_secret_drop,
    .alter = vault_secret_alter,
};
