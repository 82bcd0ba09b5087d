-- A database webhook (Dashboard > Database > Webhooks writes this), and
-- who may receive Realtime broadcasts.
create trigger "todo_created_webhook" after insert
on "public"."todos" for each row
execute function "supabase_functions"."http_request"(
  'https://example.supabase.co/functions/v1/on-todo',
  'POST',
  '{"Content-type":"application/json"}',
  '{}',
  '5000'
);

create policy "Authenticated users receive broadcasts" on realtime.messages
  for select to authenticated using (true);
