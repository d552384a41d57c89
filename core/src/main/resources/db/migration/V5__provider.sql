-- The company or product behind cookies is called a provider everywhere: in the back office, the
-- API and the code. Its table follows.
alter table service rename to provider;
alter table cookie rename column service_id to provider_id;
