-- Baselines carry configuration (R-CFG-3): every config file of the
-- environment as it was live when the release completed, and what a
-- rollback put back file by file.

-- 1 when the baseline recorded the environment's config files (an empty set
-- included); 0 for baselines written before this migration or while the
-- config backend could not be read.
ALTER TABLE baselines ADD COLUMN config_recorded INTEGER NOT NULL DEFAULT 0;

CREATE TABLE baseline_config_files (
  baseline_id BIGINT NOT NULL REFERENCES baselines(id),
  file_name TEXT NOT NULL,
  -- The live version then: Consul ModifyIndex or Apollo release id.
  version BIGINT NOT NULL,
  -- SHA-256 of the content, hex.
  content_hash TEXT NOT NULL,
  size BIGINT NOT NULL,
  -- The content, zlib-compressed then base64 (store/packed_text); NULL when
  -- the file was larger than releases.baseline_config_max_bytes: then it can
  -- be compared by hash but not restored.
  content TEXT,
  PRIMARY KEY (baseline_id, file_name)
);

-- A rollback's config files: what the plan saw live and what it puts back.
CREATE TABLE rollback_config_files (
  release_id BIGINT NOT NULL REFERENCES releases(id),
  file_name TEXT NOT NULL,
  -- The baseline whose copy of the file is restored.
  baseline_id BIGINT NOT NULL REFERENCES baselines(id),
  -- The live version the plan was shown with: the restore is a conditional
  -- write on it (0: the file did not exist).
  expected_version BIGINT NOT NULL,
  target_hash TEXT NOT NULL,
  -- pending | restored | unchanged
  outcome TEXT NOT NULL DEFAULT 'pending',
  version_after BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (release_id, file_name)
);
