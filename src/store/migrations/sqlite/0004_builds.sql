-- Image builds (R-BLD-1..4) and their console logs. Times are milliseconds
-- since the epoch.
CREATE TABLE builds (
  -- AUTOINCREMENT: ids of deleted builds are never handed out again (audit
  -- records name builds by id).
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id BIGINT NOT NULL REFERENCES apps(id),
  -- Bookkeeping only (images do not depend on the environment); no foreign
  -- key, so deleting an environment keeps its builds.
  env_id BIGINT,
  branch TEXT NOT NULL,
  -- The image tag; a deleted build frees it.
  image_tag TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  -- queued | running | succeeded | failed | cancelled (core/build.hpp)
  state TEXT NOT NULL,
  image TEXT NOT NULL,
  digest TEXT NOT NULL DEFAULT '',
  commit_sha TEXT NOT NULL DEFAULT '',
  job_path TEXT NOT NULL,
  queue_id BIGINT,
  build_number BIGINT,
  jenkins_result TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  cancel_requested_by TEXT NOT NULL DEFAULT '',
  -- Set just before Jenkins is asked to build, with the job's last build
  -- number then: a step that finds it set never triggers a second time.
  trigger_sent_at BIGINT,
  last_build_before BIGINT NOT NULL DEFAULT 0,
  workflow_id TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (app_id, image_tag)
);
-- Lists are per application, newest first.
CREATE INDEX builds_app ON builds(app_id, id);
CREATE INDEX builds_digest ON builds(digest);

-- The Jenkins console, as read: each row is the text between two byte
-- offsets of progressiveText, so a repeated read cannot store text twice.
CREATE TABLE build_logs (
  build_id BIGINT NOT NULL REFERENCES builds(id),
  start_offset BIGINT NOT NULL,
  end_offset BIGINT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (build_id, start_offset)
);
