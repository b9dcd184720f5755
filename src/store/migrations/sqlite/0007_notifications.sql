-- Where notices go (R-UX-3): DingTalk robots and generic webhooks configured
-- per application or per team, and each delivery of a notice to one of them.
-- Times are milliseconds since the epoch; JSON is stored as text.
CREATE TABLE notification_targets (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,             -- app | team
  scope_key TEXT NOT NULL,         -- the application's id, or the team's name
  name TEXT NOT NULL,
  type TEXT NOT NULL,              -- dingtalk | webhook
  -- The URL carries credentials (DingTalk's access_token): sealed like the
  -- secret, and shown only with its query values and long path segments masked.
  url_sealed TEXT NOT NULL,
  url_shown TEXT NOT NULL,
  secret_sealed TEXT NOT NULL DEFAULT '',
  kinds TEXT NOT NULL,             -- JSON array of notice kinds
  updated_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (scope, scope_key, name)
);

-- One notice to one target, delivered by the `notify` workflow named here.
CREATE TABLE notification_deliveries (
  id INTEGER PRIMARY KEY,
  app_id BIGINT NOT NULL,
  target_id BIGINT NOT NULL,
  target_name TEXT NOT NULL,
  target_scope TEXT NOT NULL,     -- app | team, and the scope's key as above
  target_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  workflow_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,             -- pending | delivered | failed
  error TEXT NOT NULL DEFAULT '',  -- the last failure
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX notification_deliveries_app ON notification_deliveries(app_id, id);
CREATE INDEX notification_deliveries_scope ON notification_deliveries(target_scope, target_key, id);
