-- hazards: data-loss
DROP VIEW public.w;

-- hazards: data-loss, access-exclusive-lock
ALTER TABLE public.t ALTER COLUMN name DROP DEFAULT;

-- hazards: data-loss, access-exclusive-lock
DROP TABLE public.t;

-- hazards: data-loss
DROP FUNCTION public.f(integer);

-- hazards: data-loss
DROP TYPE public.e;
