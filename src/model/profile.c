/* Profiles: what a platform manages itself and a diff must leave alone.
 * The lists are documented in docs/supabase.md; keep them in step. */
#include "model/filter.h"

#include <string.h>

/* Schemas Supabase creates and upgrades itself (auth, storage, realtime,
 * its extensions' internals...). User objects in them are left alone too,
 * except triggers whose function is in a user schema. */
static const char *const supabase_schemas[] = {
    "auth", "storage", "realtime", "_realtime", "_analytics", "_supavisor",
    "extensions", "graphql", "graphql_public", "pgbouncer", "pgsodium",
    "pgsodium_masks", "vault", "supabase_functions", "supabase_migrations",
    "net", "cron", "pgmq", "pgtle", "_timescaledb_internal", "timescaledb_information",
    "timescaledb_experimental", "tiger", "tiger_data", "topology", "repack",
    NULL,
};

/* Supabase's system roles. Grants to them (and default privileges for
 * objects they create) are Supabase's business; anon, authenticated and
 * service_role are the user's and are compared. */
static const char *const supabase_roles[] = {
    "supabase_admin", "supabase_auth_admin", "supabase_storage_admin",
    "supabase_realtime_admin", "supabase_replication_admin",
    "supabase_read_only_user", "supabase_functions_admin", "supabase_etl_admin",
    "authenticator", "dashboard_user", "pgbouncer", "pgsodium_keyholder",
    "pgsodium_keyiduser", "pgsodium_keymaker", "pg_graphql", "supabase_superuser",
    NULL,
};

/* Extensions every project has that the platform runs itself (its GraphQL
 * API, Vault, and the key store older projects have). */
static const char *const supabase_extensions[] = {
    "pg_graphql", "supabase_vault", "pgsodium", NULL,
};

bool filter_set_profile(pa_filter *f, const char *profile)
{
    if (strcmp(profile, "supabase") != 0)
        return false;
    f->profile = "supabase";
    f->managed_schemas = supabase_schemas;
    f->managed_roles = supabase_roles;
    f->managed_extensions = supabase_extensions;
    return true;
}
