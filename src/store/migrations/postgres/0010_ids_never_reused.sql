-- Identity columns never hand an id out again, so only what SQLite's 0008
-- adds besides AUTOINCREMENT is needed here: changes.close_reason, and a
-- change is "released once" by a release that ran (has a workflow), so a
-- release left behind without one by a refused request no longer blocks its
-- change.
ALTER TABLE changes ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
DROP INDEX releases_once_per_change;
CREATE UNIQUE INDEX releases_once_per_change ON releases(change_id) WHERE kind = 'release' AND workflow_id IS NOT NULL;
