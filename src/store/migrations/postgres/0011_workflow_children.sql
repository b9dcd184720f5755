-- Child workflows (src/engine/README.md, "Child workflows"): a step's
-- StartChildren outcome inserts workflows that name it here. parent_step is
-- the index of the parent's step that started the child (the step that waits
-- for it and sees its result); child_index orders a step's children as they
-- were asked for, since ids are random. All three are null for a workflow
-- nobody started as a child.
ALTER TABLE workflows ADD COLUMN parent_id TEXT REFERENCES workflows (id);
ALTER TABLE workflows ADD COLUMN parent_step INTEGER;
ALTER TABLE workflows ADD COLUMN child_index INTEGER;
-- A child's end counts its still-running siblings; a parent's cancel and
-- GET /workflows/{id} list its children.
CREATE INDEX workflows_parent ON workflows (parent_id, parent_step, child_index);
