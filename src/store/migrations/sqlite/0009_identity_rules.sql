-- Issue 9: no user name reads as an id, user names are unique without regard
-- to case, an application's owner is read from its members only, and failed
-- logins slow down one (user name, client address) pair instead of locking
-- the account. Times are milliseconds since the epoch.

-- Users whose name is all digits, or equals an older user's name but for
-- case, are renamed "<name>-renamed-<id>"; the oldest spelling keeps its
-- name. Their memberships follow them and the audit log records each rename.
-- Other records (audit actors, created_by…) keep the name they were made under.
CREATE TEMPORARY TABLE renamed_users AS
  SELECT u.id AS id, u.username AS old_name, u.username || '-renamed-' || u.id AS new_name
  FROM users u
  WHERE u.username NOT GLOB '*[^0-9]*'
     OR EXISTS (SELECT 1 FROM users o WHERE lower(o.username) = lower(u.username) AND o.id < u.id);
UPDATE app_members SET username = (SELECT r.new_name FROM renamed_users r WHERE r.old_name = app_members.username)
  WHERE username IN (SELECT old_name FROM renamed_users);
UPDATE apps SET owner = (SELECT r.new_name FROM renamed_users r WHERE r.old_name = apps.owner)
  WHERE owner IN (SELECT old_name FROM renamed_users);
UPDATE users SET username = (SELECT r.new_name FROM renamed_users r WHERE r.id = users.id)
  WHERE id IN (SELECT id FROM renamed_users);
INSERT INTO audit (time, actor, action, object_type, object_id, summary, result, request_id)
  SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'system', 'user.rename', 'user', CAST(id AS TEXT),
         'renamed ' || old_name || ' to ' || new_name ||
           ' (user names may not be all digits or repeat another name in other case)',
         'ok', 'migration-0009'
  FROM renamed_users;
DROP TABLE renamed_users;
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

-- Members are looked up by the user's name in any case.
DROP INDEX app_members_user;
CREATE INDEX app_members_user ON app_members (lower(username));

-- The owner field was a second record of ownership beside the owner members.
-- An application whose field names no owner member gets that user as owner;
-- then the field goes.
UPDATE app_members SET role = 'owner'
  WHERE EXISTS (SELECT 1 FROM apps a WHERE a.id = app_members.app_id AND a.owner = app_members.username)
    AND NOT EXISTS (SELECT 1 FROM app_members o WHERE o.app_id = app_members.app_id AND o.role = 'owner');
INSERT INTO app_members (app_id, username, role)
  SELECT a.id, a.owner, 'owner' FROM apps a
  WHERE a.owner <> '' AND NOT EXISTS (SELECT 1 FROM app_members o WHERE o.app_id = a.id AND o.role = 'owner');
DROP INDEX apps_owner;
ALTER TABLE apps DROP COLUMN owner;

-- Failed logins per (lower-cased user name as typed, client address), known
-- names or not; the account itself is never locked.
CREATE TABLE login_failures (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  failures BIGINT NOT NULL,
  last_failure_at BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL,
  PRIMARY KEY (username, address)
);
CREATE INDEX login_failures_last ON login_failures (last_failure_at);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
