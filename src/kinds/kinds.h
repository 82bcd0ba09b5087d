/* Every kind pgalign knows, by its definition. Code that means one kind
 * refers to it by pointer (o->kind == &kind_column): a misspelt kind is
 * then a compile error, where a name compared as a string never matched. */
#ifndef PA_KINDS_H
#define PA_KINDS_H

#include "kinds/kind.h"

extern const pa_kind kind_schema;
extern const pa_kind kind_extension;
extern const pa_kind kind_collation;
extern const pa_kind kind_enum;
extern const pa_kind kind_domain;
extern const pa_kind kind_domain_constraint;
extern const pa_kind kind_composite;
extern const pa_kind kind_type_attribute;
extern const pa_kind kind_range;
extern const pa_kind kind_function;
extern const pa_kind kind_aggregate;
extern const pa_kind kind_cast;
extern const pa_kind kind_operator;
extern const pa_kind kind_operator_family;
extern const pa_kind kind_operator_class;
extern const pa_kind kind_conversion;
extern const pa_kind kind_transform;
extern const pa_kind kind_language;
extern const pa_kind kind_access_method;
extern const pa_kind kind_ts_parser;
extern const pa_kind kind_ts_template;
extern const pa_kind kind_ts_dictionary;
extern const pa_kind kind_ts_config;
extern const pa_kind kind_foreign_data_wrapper;
extern const pa_kind kind_foreign_server;
extern const pa_kind kind_user_mapping;
extern const pa_kind kind_foreign_table;
extern const pa_kind kind_sequence;
extern const pa_kind kind_table;
extern const pa_kind kind_partition;
extern const pa_kind kind_inherit;
extern const pa_kind kind_column;
extern const pa_kind kind_column_default;
extern const pa_kind kind_column_fdw_options;
extern const pa_kind kind_identity;
extern const pa_kind kind_child_not_null;
extern const pa_kind kind_sequence_owner;
extern const pa_kind kind_constraint;
extern const pa_kind kind_index;
extern const pa_kind kind_cluster;
extern const pa_kind kind_statistics;
extern const pa_kind kind_view;
extern const pa_kind kind_matview;
extern const pa_kind kind_view_column;
extern const pa_kind kind_view_default;
extern const pa_kind kind_trigger;
extern const pa_kind kind_rule;
extern const pa_kind kind_policy;
extern const pa_kind kind_event_trigger;
extern const pa_kind kind_publication;
extern const pa_kind kind_publication_table;
extern const pa_kind kind_publication_schema;
extern const pa_kind kind_relation_privilege;
extern const pa_kind kind_column_privilege;
extern const pa_kind kind_routine_privilege;
extern const pa_kind kind_type_privilege;
extern const pa_kind kind_schema_privilege;
extern const pa_kind kind_fdw_privilege;
extern const pa_kind kind_server_privilege;
extern const pa_kind kind_language_privilege;
extern const pa_kind kind_bucket;
extern const pa_kind kind_vault_secret;
extern const pa_kind kind_cron_job;
extern const pa_kind kind_data_row;
extern const pa_kind kind_default_privilege;

#endif
