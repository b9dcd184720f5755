// Generated from src/http/openapi.json by web/scripts/check-api-types.mjs --write: do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations applied. */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics.
         * @description Who may read it is `server.metrics_access`: by default clients on the server's own host and any signed-in caller (an API token as `Authorization: Bearer …`); others get 401.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document. */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this server runs the embedded sandbox (emulated external systems) and where its emulators answer. */
        get: operations["getSandbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a cookie session.
         * @description Wrong passwords, unknown and disabled names all answer the same 401. After `auth.max_failed_logins` failures in a row of one user name from one client address, that pair waits (429 with `Retry-After`), twice as long after each further failure; other addresses are not held up.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the cookie session. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller. */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password.
         * @description A wrong current password is 400 and counts towards the same wait as failed logins (429).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens. */
        get: operations["listTokens"];
        put?: never;
        /** Create an API token for the caller. */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller's tokens (admins: anyone's). */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users. */
        get: operations["listUsers"];
        put?: never;
        /** Create a user. */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user. */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's display name, role or access.
         * @description Disabling ends the user's sessions and revokes their API tokens (enabling again brings none back). A PATCH that changes nothing keeps the version.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user's password.
         * @description Ends the user's sessions and revokes their API tokens.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List applications. */
        get: operations["listApps"];
        put?: never;
        /** Register an application (status under_review). */
        post: operations["registerApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an application with missing fields, actions and refusals. */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit basic information.
         * @description A PATCH that changes nothing answers the application as it is, with the same version.
         */
        patch: operations["updateApp"];
        trace?: never;
    };
    "/api/v1/apps/{id}/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Complete the details needed for release (after approval). */
        put: operations["completeAppDetails"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a registration (under_review → pending_online). */
        post: operations["approveApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a registration (under_review → rejected). */
        post: operations["rejectApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resubmit a rejected registration (rejected → under_review). */
        post: operations["resubmitApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request taking the application offline (→ pending_offline). */
        post: operations["requestAppOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/offline/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an offline request (pending_offline → offline). */
        post: operations["confirmAppOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/offline/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an offline request. */
        post: operations["cancelAppOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an application's members. */
        get: operations["listAppMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a member or change their role.
         * @description Approver members must hold the approver or admin role (400, field `role`). The last owner cannot be demoted (409). Members are recorded under the user's own name, whatever the case in the path.
         */
        put: operations["putAppMember"];
        post?: never;
        /** Remove a member. */
        delete: operations["removeAppMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query operation records.
         * @description Admins read every record; everyone else the records of the applications they are members of (the application, and its builds, changes, environments and releases that still exist).
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a workflow with its steps. */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/signals/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver a signal to a waiting workflow. */
        post: operations["signalWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running workflow. */
        post: operations["cancelWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clusters (last connectivity check each). */
        get: operations["listClusters"];
        put?: never;
        /** Register a cluster; its connectivity (/version) is checked at once. */
        post: operations["registerCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cluster, with a fresh connectivity check. */
        get: operations["getCluster"];
        put?: never;
        post?: never;
        /** Remove a cluster; refused while environments use it. */
        delete: operations["deleteCluster"];
        options?: never;
        head?: never;
        /** Change a cluster (version required). */
        patch: operations["editCluster"];
        trace?: never;
    };
    "/api/v1/apps/{id}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application's environments (stored definitions). */
        get: operations["listEnvironments"];
        put?: never;
        /** Create an environment and apply its Deployment and Services at once. Nothing is created when the input is bad or the cluster refuses. */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment: definition and live state (replicas, conditions, notes such as ImagePullBackOff). */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        /**
         * Delete the environment's Kubernetes objects, then the environment.
         * @description Refused (409) while a release of the environment runs; a release no workflow runs is settled as failed first. Closes the environment's open changes (developing, approving, pending_release; close_reason says why) and removes its configuration drafts. Releases, operations, publishes and audit records stay under its id, which is never handed out again.
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/release-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the release policy: strategy, canary steps and pauses, stability window, auto-rollback, approval.
         * @description The body is read exactly as `release_policy` at creation: the whole policy, a field left out takes its default; a bad field is 400 naming it (`canary.steps[1].percent`) and nothing changes. Owners and admins only; turning approval off where the default rule (core applications in prod) asks for it is for admins (403). `version`, when given, must be the environment's (409 otherwise). A release already started keeps its plan, stability window and auto-rollback (`Release.plan`); the next release uses the new policy. Audited `env.release_policy`, with an operation record of kind `release_policy`; an unchanged policy answers the environment as it is.
         */
        put: operations["setEnvironmentReleasePolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/pods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's pods (instance list). */
        get: operations["listPods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rolling restart; writes an operation record, creates no change. */
        post: operations["restartEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operation records (create, restart, delete), newest first. */
        get: operations["listEnvOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events (Server-Sent Events) from watches: `pods` (the full list, at start and after a re-list), `pod` ({type, pod} on each change), `deployment` (replicas and conditions), `error`.
         * @description Counts toward the open-stream limits (`server.max_streams_per_user`, `server.max_streams`): beyond them, 429. Closing the connection ends the stream at once.
         */
        get: operations["environmentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a pending_release change on its environment.
         * @description 409 unless the change is pending_release and never released, when it belongs to another application than the environment, or while the environment has a release in progress (details.release_id). A refused release leaves nothing behind.
         */
        post: operations["startRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Releases, newest first. */
        get: operations["listReleases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A release with its steps, operation records, change and allowed actions. */
        get: operations["getRelease"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live progress (Server-Sent Events): an `event: release` block with the release's JSON whenever it changes; the stream ends with the release.
         * @description Counts toward the open-stream limits (`server.max_streams_per_user`, `server.max_streams`): beyond them, 429. Closing the connection ends the stream at once.
         */
        get: operations["releaseEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Canary paused: go to the next step. */
        post: operations["promoteRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/promote-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Canary paused: skip the remaining steps; all pods take the new version. */
        post: operations["promoteReleaseAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the release and put back what ran before (the canary is removed). */
        post: operations["abortRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/rollback-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a rollback of this release would go: the image diff and, for a baseline that recorded configuration, the config diff per file. */
        get: operations["planRollback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll back (repeatable): a one-shot release of its own to the baseline before this release (image, resources and config files), to another baseline, or to a chosen image. 409 with details.reason config_changed and details.file when a config file changed since the plan named by plan_token. */
        post: operations["rollbackRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/baselines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's baselines, newest first. */
        get: operations["listBaselines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/baselines/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diff between two baseline versions: fields, and config files (per key for properties, per line for the rest). */
        get: operations["diffBaselines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config-drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's live config files against its latest baseline: what was published outside a release since. */
        get: operations["configDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/scale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scale (1-24): a scale change, submitted and released at once. */
        post: operations["scaleEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit resources: without confirm, the diff and a warning; with confirm, an env_resource change submitted and released at once. */
        post: operations["editEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The environment's configuration files: every live file and every draft, by name.
         * @description Live values are read from the environment's config backend on every call. A backend that is not configured, or that refuses Slipway (bad token, unknown Apollo env), answers 409 (`details.setting`, or `details.reason` = `backend_refused` with `backend` and `backend_code`); an unreachable one 503.
         */
        get: operations["listConfigFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's live value and version (Consul ModifyIndex, Apollo release id), and its draft.
         * @description Live values are read from the environment's config backend on every call. A backend that is not configured, or that refuses Slipway (bad token, unknown Apollo env), answers 409 (`details.setting`, or `details.reason` = `backend_refused` with `backend` and `backend_code`); an unreachable one 503.
         */
        get: operations["getConfigFile"];
        put?: never;
        post?: never;
        /**
         * Delete the live file from the backend and record the deletion in the history.
         * @description Consul: a DELETE with check-and-set on the live ModifyIndex; the key is gone. Apollo: the Open API cannot delete a namespace, so its items are deleted and the namespace is released empty (release title ending `-slipway-deleted`); applications then read no keys (an empty release in a non-default cluster does not fall back to `default`), and Slipway treats the file as absent (version 0). The deletion joins the history as a record with `action` `delete`, `version_after` 0 and the `content` the file had. The file's draft stays: it was taken from the deleted version, so publishing it is refused (409 `live_changed`) until it is rebased, which makes it the file's re-creation. 404 when nothing is live (a file with only a draft included). 409 `details.reason` = `live_changed` with `expected_version`, `live_version`, `live_exists`, `live_content` when the file changed since `version` (or between Slipway's read and the delete); `unreleased_changes` (Apollo items edited in the portal and not released), `backend_refused`. An unreachable backend answers 503 and nothing is recorded; on Apollo a failure before the release leaves the file live, and deleting again finishes. Asked again with the same `version` after a deletion whose record was lost, the deletion is recorded without deleting (`written: false`).
         */
        delete: operations["deleteConfigFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/files/{name}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file's draft with its content and the live value it was based on. */
        get: operations["getConfigDraft"];
        /**
         * Create or replace the file's draft.
         * @description The content is validated by the format the name implies (`.properties`, `.yaml`/`.yml`, `.json`, anything else text) and against the backend's limits; `details.line` names the line. A new draft (or `rebase: true`) records the live version it starts from. `version` given and not the draft's current one: 409.
         */
        put: operations["saveConfigDraft"];
        post?: never;
        /** Discard the file's draft. */
        delete: operations["discardConfigDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/files/{name}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft against the live value: by key for properties files, by line otherwise. */
        get: operations["diffConfigDraft"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/files/{name}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft to the backend, record it and remove the draft.
         * @description Consul: a PUT with check-and-set on the version the draft was based on. Apollo: the namespace (and the cluster named after the Slipway cluster) is created when missing, its items are made equal to the file, and it is released. When the live value changed since the draft was taken: 409 with `details.reason` = `live_changed` and `base_version`, `live_version`, `base_content`, `live_content`; nothing is written. Other 409 reasons: `no_change`, `unreleased_changes` (Apollo items edited in the portal and not released), `backend_refused`. A live value that already equals the draft is recorded without writing (`written: false`).
         */
        post: operations["publishConfigDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Publishes of the environment's files, newest first.
         * @description Also for a deleted environment that has publishes (ids are never reused); 404 when there is neither an environment nor publishes under the id.
         */
        get: operations["listConfigPublishes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/environments/{id}/config/history/{publish}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One publish with the content it made live.
         * @description Also for a deleted environment, like the history.
         */
        get: operations["getConfigPublish"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/builds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an application's builds, newest first. */
        get: operations["listBuilds"];
        put?: never;
        /**
         * Start an image build: Slipway triggers the application's Jenkins job and follows it on the durable engine.
         * @description Only approved (`pending_online`, `online`) `self_developed` applications with a repository are built; otherwise 409 with the reason. The image address `<registry>/<builds.image_namespace>/<app>:<version>` is fixed here. The answer comes at once (state `queued`); follow the build with `GET /api/v1/builds/{id}` or its log.
         */
        post: operations["startBuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/builds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A build: image address, digest, commit, state, duration, who, Jenkins job and build number, actions. */
        get: operations["getBuild"];
        put?: never;
        post?: never;
        /**
         * Delete the build's image from the registry (by digest), then the build and its log; the version can be built again.
         * @description Refused with 409 while the build is queued or running, and while an environment runs the image, a baseline names it or an open change will release it (`details.references` lists them) unless an admin passes `force=true`. When another build has the same digest the manifest stays in the registry.
         */
        delete: operations["deleteBuild"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/builds/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The build's Jenkins console as stored by Slipway (kept after the build). */
        get: operations["getBuildLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/builds/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued build or stop a running one; it ends `cancelled` once Jenkins confirms. Asking again changes nothing. */
        post: operations["cancelBuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application's changes, newest first. */
        get: operations["listChanges"];
        put?: never;
        /**
         * Create a code change (developing).
         * @description Refused with 409 while the application cannot take changes (empty type, not pending_online/online, details incomplete) or the build has not succeeded.
         */
        post: operations["createChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The approval inbox: changes in approving, of every application, that the caller may approve now (their actions hold approve), newest first. */
        get: operations["listAwaitingChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A change with its history and the caller's actions. */
        get: operations["getChange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a developing change.
         * @description 409 with state and allowed_actions in any other state (released and closed changes are immutable).
         */
        patch: operations["editChange"];
        trace?: never;
    };
    "/api/v1/changes/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit: developing → pending_release, or → approving when the environment's policy needs approval (the approvers are notified).
         * @description Any transition the lifecycle table does not allow is refused with 409, details.state and details.allowed_actions.
         */
        post: operations["submitChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve: approving → pending_release. Admins and the application's approver members who hold the approver role; not the change's author where `changes.refuse_self_approval` refuses it (by default in core applications' prod environments).
         * @description Any transition the lifecycle table does not allow is refused with 409, details.state and details.allowed_actions.
         */
        post: operations["approveChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject with a comment: approving → developing. Admins and the application's approver members.
         * @description Any transition the lifecycle table does not allow is refused with 409, details.state and details.allowed_actions.
         */
        post: operations["rejectChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close: developing → closed (kept, never released).
         * @description Any transition the lifecycle table does not allow is refused with 409, details.state and details.allowed_actions.
         */
        post: operations["closeChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw: pending_release → developing.
         * @description Any transition the lifecycle table does not allow is refused with 409, details.state and details.allowed_actions.
         */
        post: operations["withdrawChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the application's notices go, and the latest deliveries. */
        get: operations["getAppNotifications"];
        /** Replace the application's notification targets. */
        put: operations["putAppNotifications"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{team}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the notices of the team's applications go. */
        get: operations["getTeamNotifications"];
        /** Replace the team's notification targets. */
        put: operations["putTeamNotifications"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live lanes (not deleted), with their applications and expiry. */
        get: operations["listLanes"];
        put?: never;
        /**
         * Create a lane: namespace, branches, config copies, Jenkins jobs, push hooks, Deployments, fallbacks, Ingress rules and DNS records, by a durable workflow.
         * @description The TAPD story must exist (400 when it does not, 503 when TAPD cannot be asked; nothing is created). Every application must be self-developed, online or pending online, with a repository and an environment of the base env type. A name mapping to a namespace another live lane holds is refused with 409 naming that lane. With `dry_run=true` the answer is the plan: every artefact in every system with its name, and the config values the lane's copy rewrites.
         */
        post: operations["createLane"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A lane with its applications' live state (branch head, last build, deployed image), its workflow's state and its expiry. */
        get: operations["getLane"];
        put?: never;
        post?: never;
        /**
         * Delete a lane: DNS records, Ingress, the namespace (through Terminating), the Jenkins folder, the push hooks, the config copies and the lane's images; repeatable until it succeeds.
         * @description `confirm` must be the lane's name. The request waits for the delete workflow (up to `lanes.delete_wait_ms`): 200 when everything is gone, 202 when it still runs (ask again), 503 naming the step that failed (deleting again finishes the rest).
         */
        delete: operations["deleteLane"];
        options?: never;
        head?: never;
        /** Edit a lane (owners, members, admins). The name cannot change (400). Basic fields (story, members, notify) change at once and start no workflow; a changed application set or coloring starts a workflow that makes the added applications, removes every artefact of the removed ones (their ExternalName fallbacks come back) and applies again the Deployments whose coloring variables changed. */
        patch: operations["editLane"];
        trace?: never;
    };
    "/api/v1/lanes/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every artefact the lane should have, in every system, with the config rewrites. */
        get: operations["getLanePlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened in the lane, newest first: pushes, builds, deploys, renewals, syncs, edits, expiry, and the deliveries of its notices (kind notice, id 0). */
        get: operations["listLaneEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Counts as activity: takes the lane off the pending-deletion list and moves its expiry dates. */
        post: operations["renewLane"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-run the create workflow: whatever is missing (a deleted job, hook, DNS record…) is made again; each step's output says whether it created its artefact. */
        post: operations["syncLane"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/gitlab": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitLab's push hook for lanes (R-LANE-8): a push to `feature/<lane>` builds the lane's job of that application and deploys the image into the lane.
         * @description Outside the session auth: the `X-Gitlab-Token` header must be the lane's hook token (401 otherwise, compared in constant time). Events for no lane, branch or application are answered 202 and ignored. A repeated delivery of the same commit builds once.
         */
        post: operations["receiveGitLabPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every artefact the lane should have, looked up in its system now: `present` false for what someone removed (a sync remakes it), null with `error` when the system could not be asked. */
        get: operations["getLaneDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lanes/{id}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lane's current (or last) create, edit, sync or delete workflow with each application's child workflow and their steps: per-step progress for every signed-in user. */
        get: operations["getLaneProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every system, where its settings come from, and which secrets are set (never their values). */
        get: operations["listConnectors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors/{system}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One system's settings in effect (never a secret). */
        get: operations["getConnector"];
        /** Set a system's settings through the API (audited). They take effect at once in this replica, within `connectors.refresh_ms` in the others; calls in flight finish on the old client. */
        put: operations["setConnector"];
        post?: never;
        /** Forget the API's settings (audited): the configuration file's, or the sandbox's, apply again. */
        delete: operations["deleteConnector"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors/{system}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check connectivity through a new real client (5 s timeout, no retries): without a body the settings in effect, with one the settings a PUT of that body would save, without saving. */
        post: operations["testConnector"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error answer has this shape. */
        Error: {
            error: {
                /**
                 * @description Stable machine-readable code.
                 * @enum {string}
                 */
                code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "too_many_requests" | "unavailable" | "internal";
                /** @description Human-readable explanation. */
                message: string;
                /** @description Extra facts, e.g. `field` and `rule` for invalid input, or `state` and `allowed_actions` for an illegal transition. */
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        /**
         * @description Global role.
         * @enum {string}
         */
        Role: "admin" | "approver" | "developer" | "viewer";
        User: {
            /** Format: int64 */
            id: number;
            username: string;
            display_name: string;
            role: components["schemas"]["Role"];
            disabled: boolean;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            updated_at: string;
            /**
             * Format: int64
             * @description Optimistic-locking version; send it back on PATCH.
             */
            version: number;
        };
        /** @description A page of users. */
        UserList: {
            items: components["schemas"]["User"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        Session: {
            user: components["schemas"]["User"];
            /** @description Send as `X-CSRF-Token` on cookie-authenticated writes. Null on `GET /auth/me` when authenticated by bearer token. */
            csrf_token: string | null;
        };
        /** @description An API token without its secret. */
        Token: {
            /** Format: int64 */
            id: number;
            name: string;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            expires_at: string | null;
        };
        NewToken: {
            /** Format: int64 */
            id: number;
            name: string;
            /** @description The secret (`swt_…`); shown only in this answer. */
            token: string;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            created_at: string;
            /** Format: date-time */
            expires_at: string | null;
        };
        /** @description The caller's tokens (or, for admins, another user's). */
        TokenList: {
            items: components["schemas"]["Token"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description self_developed: built from code; commercial: released from a vendor image, never built; empty: only holds resources.
         * @enum {string}
         */
        AppType: "self_developed" | "commercial" | "empty";
        /** @enum {string} */
        AppLevel: "core" | "non_core" | "edge";
        /** @enum {string} */
        AppStatus: "under_review" | "rejected" | "pending_online" | "online" | "pending_offline" | "offline";
        Port: {
            /** @description DNS-1123 label, unique within the app. */
            name?: string;
            port: number;
            /**
             * @default TCP
             * @enum {string}
             */
            protocol: "TCP" | "UDP" | "SCTP";
        };
        HealthCheck: {
            /** @enum {string} */
            type: "http" | "tcp" | "exec";
            /** @description http only; starts with '/'. */
            path?: string;
            /** @description http and tcp. */
            port?: number;
            /** @description exec only. */
            command?: string;
        };
        /** @description Detailed information completed after approval (R-APP-3). */
        AppDetails: {
            /** @description Jenkins job path. */
            build_job?: string | null;
            ports?: components["schemas"]["Port"][];
            health_check?: components["schemas"]["HealthCheck"] | null;
            /** @description The approver members: users holding the approver or admin role. Changing them is for owners and admins (403 for developers). */
            approvers?: string[];
            /** @description Image a commercial app is released from. */
            vendor_image?: string | null;
            /** @description External business domains (DNS labels of at most 20 characters, e.g. web, app): a lane names each <domain>-<lane>.<suffix>. */
            business_domains?: string[];
        };
        /** @enum {string} */
        MemberRole: "owner" | "developer" | "approver";
        Member: {
            username: string;
            role: components["schemas"]["MemberRole"];
        };
        /** @description All members (never paged: next_cursor is null). */
        MemberList: {
            items: components["schemas"]["Member"][];
            next_cursor: string | null;
        };
        App: {
            /** Format: int64 */
            id: number;
            /**
             * @description DNS-safe, unique; not all digits (it would read as an id in paths).
             * @example order-svc
             */
            name: string;
            team: string;
            /** @description Read from membership: the owner member (with several, the first by name; `members` lists them all). */
            owner: string;
            type: components["schemas"]["AppType"];
            level: components["schemas"]["AppLevel"];
            description?: string;
            /** Format: uri */
            repo_url?: string | null;
            status: components["schemas"]["AppStatus"];
            /** @description Why the registration was rejected or the application is being taken offline. */
            status_reason?: string | null;
            details: components["schemas"]["AppDetails"];
            /** @description Fields still needed before release, e.g. `details.build_job`. */
            missing_fields: string[];
            members: components["schemas"]["Member"][];
            /** @description Operations the caller may perform now (edit, request_offline, build, release…). */
            actions: string[];
            /** @description Operation → why the caller may not perform it now. */
            refusals: {
                [key: string]: string;
            };
            /** Format: int64 */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            updated_at: string;
        };
        /** @description A page of applications. */
        AppList: {
            items: components["schemas"]["App"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description An operation record (R-GW-3). */
        AuditRecord: {
            /** Format: int64 */
            id: number;
            /**
             * Format: date-time
             * @example 2026-11-27T02:16:00Z
             */
            time: string;
            actor: string;
            /** @example app.approve */
            action: string;
            /** @example app */
            object_type: string;
            /** @example 12 */
            object_id: string;
            summary: string;
            result: string;
            request_id: string;
        };
        /** @description Operation records, newest first. */
        AuditList: {
            items: components["schemas"]["AuditRecord"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        WorkflowStep: {
            index: number;
            name: string;
            /** @enum {string} */
            state: "pending" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
            attempt: number;
            failures?: number;
            /**
             * Format: int64
             * @description Milliseconds since the epoch.
             */
            run_after?: number;
            lease_owner?: string | null;
            /** Format: int64 */
            lease_until?: number | null;
            /** @description The signal a `waiting` step waits for; null while it waits for its child workflows. */
            wait_signal?: string | null;
            /** @description Step result (any JSON). */
            output?: unknown;
            error?: string | null;
            /** Format: int64 */
            started_at?: number | null;
            /** Format: int64 */
            finished_at?: number | null;
        };
        /** @description A durable workflow with its steps; times in milliseconds. */
        Workflow: {
            id: string;
            kind: string;
            subject?: string;
            /** @enum {string} */
            state: "running" | "succeeded" | "failed" | "cancelled";
            /** @description Workflow input (any JSON). */
            input?: unknown;
            error?: string | null;
            /** @description Signal the workflow waits for. */
            waiting_for?: string | null;
            /**
             * Format: int64
             * @description Milliseconds since the epoch.
             */
            created_at?: number;
            /**
             * Format: int64
             * @description Milliseconds since the epoch.
             */
            updated_at?: number;
            /** Format: int64 */
            version?: number;
            steps: components["schemas"]["WorkflowStep"][];
            /** @description The workflow whose step started this one as a child; null for a workflow nobody started as a child. */
            parent_id?: string | null;
            /** @description The child workflows this one's steps started, in the order asked for; a step `waiting` without `wait_signal` waits until all of its children ended. */
            children?: components["schemas"]["WorkflowChild"][];
        };
        WorkflowChild: {
            id: string;
            kind: string;
            subject: string;
            /** @description Index of the parent's step that started it. */
            step: number;
            /** @enum {string} */
            state: "running" | "succeeded" | "failed" | "cancelled";
            /** @description Why it failed or was cancelled. */
            error: string | null;
        };
        LoginRequest: {
            username: string;
            /** Format: password */
            password: string;
        };
        PasswordChange: {
            /** Format: password */
            current_password: string;
            /** Format: password */
            new_password: string;
        };
        TokenCreate: {
            name: string;
            /** @description Omitted: the token never expires. */
            expires_in_days?: number;
        };
        UserCreate: {
            /** @description Letters, digits, `.`, `_`, `-`; not all digits; unique without regard to case. */
            username: string;
            /** Format: password */
            password: string;
            display_name?: string;
            role: components["schemas"]["Role"];
        };
        UserPatch: {
            /**
             * Format: int64
             * @description The version read; a stale one fails with conflict.
             */
            version: number;
            display_name?: string;
            role?: components["schemas"]["Role"];
            disabled?: boolean;
        };
        PasswordReset: {
            /** Format: password */
            password: string;
        };
        AppCreate: {
            name: string;
            team: string;
            /** @description Defaults to the caller; any existing user (the name in any case). */
            owner?: string;
            type: components["schemas"]["AppType"];
            level: components["schemas"]["AppLevel"];
            description?: string;
            /** Format: uri */
            repo_url?: string;
        };
        AppPatch: {
            /**
             * Format: int64
             * @description The version read; a stale one fails with conflict.
             */
            version: number;
            team?: string;
            level?: components["schemas"]["AppLevel"];
            description?: string;
            /** Format: uri */
            repo_url?: string;
            /** @description Hands the application over: this user becomes its only owner and the other owners stay as developers. Owners and admins only (403 for developers). */
            owner?: string;
        };
        /** @description Only the fields given change; the others keep their value. */
        AppDetailsUpdate: {
            /**
             * Format: int64
             * @description The version read; a stale one fails with conflict.
             */
            version: number;
            /** @description Jenkins item path: segments separated by '/', none empty, '.' or '..', no control characters and none of ? * \ % ! @ # $ ^ & | < > [ ] : ; */
            build_job?: string | null;
            ports?: components["schemas"]["Port"][];
            health_check?: components["schemas"]["HealthCheck"] | null;
            /** @description The approver members: users holding the approver or admin role. Changing them is for owners and admins (403 for developers). */
            approvers?: string[];
            vendor_image?: string | null;
            business_domains?: string[];
        };
        ApproveRequest: {
            /**
             * Format: int64
             * @description When given, the request fails with conflict unless it is the current version.
             */
            version?: number;
            comment?: string;
        };
        RejectRequest: {
            /**
             * Format: int64
             * @description When given, the request fails with conflict unless it is the current version.
             */
            version?: number;
            reason: string;
        };
        VersionRequest: {
            /**
             * Format: int64
             * @description When given, the request fails with conflict unless it is the current version.
             */
            version?: number;
        };
        OfflineRequest: {
            /**
             * Format: int64
             * @description When given, the request fails with conflict unless it is the current version.
             */
            version?: number;
            reason?: string;
        };
        MemberPut: {
            role: components["schemas"]["MemberRole"];
        };
        CancelRequest: {
            /** @description Recorded with the cancellation. */
            reason?: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status?: "ready" | "not_ready";
            /** @enum {string} */
            database: "ok" | "unreachable";
            pending_migrations?: number;
        };
        Sandbox: {
            /** @description `slipway serve` runs the embedded sandbox (`sandbox.enabled`). */
            enabled: boolean;
            /** @description Empty when the sandbox is off. */
            emulators: {
                /** @description kubernetes, registry, jenkins, gitlab, apollo, consul, dns, tapd, dingtalk…; `<system>-admin` for a non-HTTP emulator's admin endpoint. */
                system: string;
                /** @description http://127.0.0.1:PORT, or HOST:PORT for a non-HTTP service (DNS). */
                url: string;
            }[];
        };
        Connectivity: {
            ok?: boolean;
            version?: string;
            error?: string;
            /** Format: date-time */
            checked_at?: string;
        } | null;
        Cluster: {
            id?: number;
            name?: string;
            description?: string;
            /** @enum {string} */
            connection?: "kubeconfig" | "in_cluster" | "sandbox";
            /** @description The kubeconfig itself is never returned. */
            has_kubeconfig?: boolean;
            /** @description Namespace per env type; an env type without one uses its own name. */
            namespaces?: {
                [key: string]: string;
            };
            registry?: string;
            /** @enum {string} */
            config_backend?: "consul" | "apollo";
            environments?: number;
            connectivity?: components["schemas"]["Connectivity"];
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
            version?: number;
        };
        ClusterList: {
            items: components["schemas"]["Cluster"][];
            next_cursor: string | null;
        };
        ClusterCreate: {
            /** @description DNS-1123 label; not all digits (it would read as an id in paths). */
            name: string;
            description?: string;
            /** @enum {string} */
            connection: "kubeconfig" | "in_cluster";
            /** @description kubeconfig YAML with inline credentials (required for connection kubeconfig); stored sealed. */
            kubeconfig?: string;
            namespaces?: {
                [key: string]: string;
            };
            /** @description host[:port][/path] the cluster pulls from. */
            registry?: string;
            /**
             * @default consul
             * @enum {string}
             */
            config_backend: "consul" | "apollo";
        };
        ClusterPatch: {
            version: number;
            description?: string;
            kubeconfig?: string;
            namespaces?: {
                [key: string]: string;
            };
            registry?: string;
            /** @enum {string} */
            config_backend?: "consul" | "apollo";
        };
        Probe: {
            /** @enum {string} */
            type: "http" | "tcp" | "exec";
            path?: string;
            port?: number;
            command?: string[];
            initial_delay_seconds?: number;
            period_seconds?: number;
            timeout_seconds?: number;
            failure_threshold?: number;
        };
        EnvSpec: {
            /** @default 1 */
            replicas: number;
            resources?: {
                /** @description Kubernetes quantity */
                cpu_request?: string;
                /** @description Kubernetes quantity */
                cpu_limit?: string;
                /** @description Kubernetes quantity */
                memory_request?: string;
                /** @description Kubernetes quantity */
                memory_limit?: string;
            };
            /** @description Container ports and the port the default Service maps to each (service_port, default: the container port). */
            ports?: {
                name?: string;
                container_port: number;
                service_port?: number;
                /** @enum {string} */
                protocol?: "TCP" | "UDP" | "SCTP";
            }[];
            /** @description Empty: one ClusterIP Service named after the application with the ports' mapping. */
            services?: {
                name: string;
                /** @enum {string} */
                type?: "ClusterIP" | "NodePort" | "LoadBalancer";
                ports: {
                    name?: string;
                    port: number;
                    target_port?: number;
                    node_port?: number;
                    protocol?: string;
                }[];
            }[];
            env?: {
                name: string;
                value?: string;
            }[];
            readiness?: components["schemas"]["Probe"];
            liveness?: components["schemas"]["Probe"];
        };
        EnvironmentCreate: components["schemas"]["EnvSpec"] & {
            /** @description One of the configured env types (default prod, test). */
            env_type: string;
            /** @description Cluster id or name. */
            cluster: string;
            /** @description Full image address; empty: pods show ImagePullBackOff until the first release. */
            image?: string;
            /**
             * @description Default: the cluster's.
             * @enum {string}
             */
            config_backend?: "consul" | "apollo";
            release_policy?: components["schemas"]["ReleasePolicy"];
        };
        LiveState: {
            reachable?: boolean;
            error?: string;
            deployment_found?: boolean;
            replicas?: {
                desired?: number;
                updated?: number;
                ready?: number;
                available?: number;
                total?: number;
            };
            conditions?: {
                type?: string;
                status?: string;
                reason?: string;
                message?: string;
            }[];
            pods?: number;
            notes?: string[];
        };
        Environment: {
            id?: number;
            app_id?: number;
            app?: string;
            env_type?: string;
            cluster_id?: number;
            cluster?: string;
            namespace?: string;
            image?: string;
            image_set?: boolean;
            image_digest?: string;
            config_backend?: string;
            spec?: components["schemas"]["EnvSpec"];
            live?: components["schemas"]["LiveState"];
            created_by?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
            version?: number;
            release_policy?: components["schemas"]["ReleasePolicy"];
        };
        EnvironmentList: {
            items: components["schemas"]["Environment"][];
            next_cursor: string | null;
        };
        Pod: {
            name?: string;
            phase?: string;
            ready?: boolean;
            restarts?: number;
            image?: string;
            pod_ip?: string;
            node?: string;
            start_time?: string;
            age_seconds?: number;
            waiting_reason?: string;
            waiting_message?: string;
            terminated_reason?: string;
            terminating?: boolean;
            revision?: string;
        };
        PodList: {
            items: components["schemas"]["Pod"][];
            next_cursor: string | null;
        };
        EnvOperation: {
            id?: number;
            env_id?: number;
            /** @enum {string} */
            kind?: "create" | "restart" | "delete" | "release_policy";
            actor?: string;
            /** @description release_policy: {"before", "after"} (the policies). */
            detail?: Record<string, never>;
            /** Format: date-time */
            created_at?: string;
        };
        EnvOperationList: {
            items: components["schemas"]["EnvOperation"][];
            next_cursor: string | null;
        };
        ReleaseStep: {
            index?: number;
            name?: string;
            /** @enum {string} */
            state?: "pending" | "running" | "waiting" | "succeeded" | "failed" | "skipped";
            message?: string;
            /** Format: date-time */
            started_at?: string | null;
            /** Format: date-time */
            finished_at?: string | null;
        };
        ReleaseOperation: {
            id?: number;
            /** @enum {string} */
            kind?: "start" | "promote" | "promote_all" | "abort" | "rollback";
            actor?: string;
            detail?: Record<string, never>;
            /** Format: date-time */
            created_at?: string;
        };
        Release: {
            id?: number;
            /** @enum {string} */
            kind?: "release" | "rollback";
            rollback_of?: number | null;
            app_id?: number;
            app?: string;
            env_id?: number;
            env_type?: string;
            change?: {
                id?: number;
                type?: string;
                state?: string;
                title?: string;
            };
            /** @enum {string} */
            strategy?: "one_shot" | "canary";
            /** @enum {string} */
            state?: "pending" | "releasing" | "canary" | "completed" | "failed";
            image?: string;
            image_digest?: string;
            /** @description The image the environment ran when the release began (R-REL-2). */
            image_before?: string;
            digest_before?: string;
            baseline_before?: number;
            /** @description The durable workflow running the release; admins see its steps at GET /api/v1/workflows/{id}. */
            workflow_id?: string;
            spec?: components["schemas"]["EnvSpec"];
            /** @description The canary steps as the release started them: later changes of the environment's release policy do not touch a running release. */
            plan?: {
                canary?: number;
                stable?: number;
                pause?: unknown;
                /** @description How long the canary pods stay ready with no restarts before the step's pause. */
                stability_window_seconds?: number;
            }[];
            auto_rollback?: boolean;
            error?: string;
            steps?: components["schemas"]["ReleaseStep"][];
            operations?: components["schemas"]["ReleaseOperation"][];
            actions?: string[];
            started_by?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            finished_at?: string | null;
            /** Format: date-time */
            updated_at?: string;
            version?: number;
            /** @description A rollback's config files and what became of them. */
            config_restores?: {
                file?: string;
                expected_version?: number;
                target_hash?: string;
                /** @enum {string} */
                outcome?: "pending" | "restored" | "unchanged";
                version_after?: number;
            }[];
        };
        ReleaseList: {
            items: components["schemas"]["Release"][];
            next_cursor: string | null;
        };
        ReleaseStart: {
            /**
             * @description Default: the environment's release policy (code changes); scale and env_resource changes are one-shot.
             * @enum {string}
             */
            strategy?: "one_shot" | "canary";
        };
        FieldDiff: {
            path?: string;
            before?: unknown;
            after?: unknown;
        };
        Baseline: {
            env_id?: number;
            version?: number;
            image?: string;
            image_digest?: string;
            resources?: components["schemas"]["EnvSpec"];
            release_id?: number;
            created_by?: string;
            /** Format: date-time */
            created_at?: string;
            /** @description The environment's config files were recorded with this baseline (false for baselines written before, or while the config backend could not be read). */
            config_recorded?: boolean;
        };
        BaselineList: {
            items: components["schemas"]["Baseline"][];
            next_cursor: string | null;
        };
        BaselineDiff: {
            from?: number;
            to?: number;
            diff?: components["schemas"]["FieldDiff"][];
            /** @description Both baselines recorded configuration; otherwise config is empty. */
            config_compared?: boolean;
            config?: components["schemas"]["ConfigFileChange"][];
        };
        /** @description One config file that differs (by content hash) between two sides. */
        ConfigFileChange: {
            file?: string;
            /** @enum {string} */
            change?: "added" | "removed" | "changed";
            version_before?: number | null;
            version_after?: number | null;
            /** @description SHA-256 of the content, hex */
            hash_before?: string | null;
            hash_after?: string | null;
            /** @description False when a side was larger than releases.baseline_config_max_bytes: only the hashes are compared. */
            content_known?: boolean;
            /** @enum {string} */
            kind?: "keys" | "lines" | "hash";
            keys?: {
                key?: string;
                /** @enum {string} */
                change?: "added" | "removed" | "changed";
                from?: string;
                to?: string;
            }[];
            unified?: string;
            lines?: {
                /** @enum {string} */
                op?: "same" | "added" | "removed";
                text?: string;
            }[];
        };
        ConfigDrift: {
            /** @description The latest baseline (0: none yet). */
            baseline_version?: number;
            config_recorded?: boolean;
            /** @description Config changed since that baseline. */
            changed?: boolean;
            /** @description Baseline → live. */
            files?: components["schemas"]["ConfigFileChange"][];
        };
        RollbackRequest: {
            /** @description Another image this application released; default: the baseline recorded before the release. */
            image?: string;
            baseline_version?: number;
            /**
             * @description Default all: the image through the release workflow and the config files through their backend.
             * @enum {string}
             */
            scope?: "all" | "image" | "config";
            /** @description The plan's plan_token, as it was shown: the rollback is refused (409) when a config file changed since. Without it, the live versions of now are used. */
            plan_token?: string;
        };
        RollbackPlan: {
            image?: string;
            image_digest?: string;
            baseline_version?: number;
            resources?: components["schemas"]["EnvSpec"];
            diff?: components["schemas"]["FieldDiff"][];
            /** @enum {string} */
            scope?: "all" | "image" | "config";
            /** @description The config files are part of this rollback. */
            config_included?: boolean;
            /** @description Why they are not, when they are not. */
            config_note?: string;
            config?: components["schemas"]["RollbackConfigFile"][];
            /** @description Pass back with the rollback: the live config versions this plan saw. */
            plan_token?: string;
        };
        RollbackConfigFile: {
            file?: string;
            /**
             * @description not_restorable: the baseline kept no content (over releases.baseline_config_max_bytes); not_in_baseline: created since, left as it is.
             * @enum {string}
             */
            action?: "restore" | "unchanged" | "not_restorable" | "not_in_baseline";
            live_version?: number | null;
            live_hash?: string | null;
            target_version?: number | null;
            target_hash?: string | null;
            /** @description Live → baseline; null when unchanged. */
            diff?: components["schemas"]["ConfigFileChange"] | null;
        };
        ScaleRequest: {
            replicas: number;
        };
        ChangeAndRelease: {
            change_id?: number;
            release_id?: number;
        };
        EnvironmentEdit: components["schemas"]["EnvSpec"] & {
            /** @description The environment's version as read. */
            version: number;
            /** @description false or absent: only the diff and a warning are returned. */
            confirm?: boolean;
        };
        EnvironmentEditResult: {
            diff?: components["schemas"]["FieldDiff"][];
            warning?: string;
            confirmed?: boolean;
            change_id?: number;
            release_id?: number;
        };
        /** @description How an environment is released. Rules: 1 to 10 steps, each exactly one of `pods` (1–24) or `percent` (1–100, rounded up); `pause` "manual" (the default), "none" or {"seconds": 1–86400}; `stability_window_seconds` 0–3600 (default 10). Without `canary` the plan is one pod, then half, each waiting for a promotion. */
        ReleasePolicy: {
            /** @enum {string} */
            strategy?: "one_shot" | "canary";
            canary?: {
                steps?: {
                    pods?: number;
                    percent?: number;
                    /** @description "manual", "none" or {"seconds": N} */
                    pause?: unknown;
                }[];
                /** @description How long the canary pods must all be ready with no restarts before a step's pause begins. */
                stability_window_seconds?: number;
            };
            auto_rollback?: boolean;
            /** @description null: required for core applications in prod. */
            approval_required?: boolean | null;
        };
        ReleasePolicyPut: components["schemas"]["ReleasePolicy"] & {
            /** @description The environment's version the caller saw; 409 when it changed since. */
            version?: number;
        };
        /**
         * @description From the file name: .properties, .yaml/.yml, .json; anything else is text.
         * @enum {string}
         */
        ConfigFormat: "properties" | "yaml" | "json" | "text";
        /** @enum {string} */
        ConfigBackend: "consul" | "apollo";
        ConfigDraft: {
            file?: string;
            env_id?: number;
            /** @description Optimistic version of the draft. */
            version?: number;
            /** @description The live version the draft was taken from; 0: the file did not exist. */
            base_version?: number;
            /** @description Not in lists. */
            content?: string;
            /** @description The live content at base_version. Not in lists. */
            base_content?: string;
            created_by?: string;
            /** Format: date-time */
            created_at?: string;
            updated_by?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        ConfigFile: {
            name?: string;
            env_id?: number;
            format?: components["schemas"]["ConfigFormat"];
            backend?: components["schemas"]["ConfigBackend"];
            /** @description The Consul key, or ENV/app/cluster/namespace in Apollo. */
            location?: string;
            live?: {
                exists?: boolean;
                version?: number;
                /** @description Not in lists. */
                content?: string;
            };
            draft?: components["schemas"]["ConfigDraft"] | null;
        };
        ConfigFileList: {
            items: components["schemas"]["ConfigFile"][];
            next_cursor: string | null;
        };
        ConfigDraftSave: {
            content: string;
            /** @description The draft's current version; 409 when it moved on. */
            version?: number;
            /** @description Take the live value of now as the draft's base (after a 409 on publish). */
            rebase?: boolean;
        };
        ConfigPublishRequest: {
            comment?: string;
        };
        ConfigDeleteRequest: {
            /** @description The live version the caller saw; must agree with `?version=` when both are given. */
            version?: number;
            /** @description Why (kept in the history; Apollo's release comment). */
            comment?: string;
        };
        ConfigDiff: {
            file?: string;
            format?: components["schemas"]["ConfigFormat"];
            base_version?: number;
            live_version?: number;
            live_exists?: boolean;
            stale?: boolean;
            changed?: boolean;
            /** @enum {string} */
            kind?: "keys" | "lines";
            keys?: {
                key?: string;
                /** @enum {string} */
                change?: "added" | "removed" | "changed";
                from?: string;
                to?: string;
            }[];
            /** @description Unified diff, live → draft. */
            unified?: string;
            lines?: {
                /** @enum {string} */
                op?: "same" | "added" | "removed";
                text?: string;
            }[];
        };
        ConfigPublish: {
            id?: number;
            env_id?: number;
            app_id?: number;
            file?: string;
            format?: components["schemas"]["ConfigFormat"];
            backend?: components["schemas"]["ConfigBackend"];
            location?: string;
            actor?: string;
            comment?: string;
            base_version?: number;
            /** @description The backend's version after the publish; 0 after a deletion. */
            version_after?: number;
            /**
             * @description `delete`: the file was deleted (`version_after` 0, `content` what it held).
             * @enum {string}
             */
            action?: "publish" | "delete";
            /** @description False when the live value already equalled the draft and nothing was written. */
            written?: boolean;
            /** Format: date-time */
            created_at?: string;
            diff?: components["schemas"]["ConfigDiff"];
            /** @description Not in lists. What a publish made live, or what a deleted file held. */
            content?: string;
        };
        ConfigPublishList: {
            items: components["schemas"]["ConfigPublish"][];
            next_cursor: string | null;
        };
        /**
         * @description queued (waiting in Jenkins' queue, or not yet triggered) → running → succeeded | failed | cancelled; queued may also end failed or cancelled.
         * @enum {string}
         */
        BuildState: "queued" | "running" | "succeeded" | "failed" | "cancelled";
        BuildStart: {
            /** @description Git branch to build (git check-ref-format rules). */
            branch: string;
            /** @description The image tag; unique per application. */
            version: string;
            /**
             * Format: int64
             * @description An environment of this application, for bookkeeping only.
             */
            env_id?: number;
            note?: string;
        };
        /** @description One image build of an application (R-BLD-1..4). */
        Build: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            app_id: number;
            /** @description The application's name. */
            app: string;
            /**
             * Format: int64
             * @description Bookkeeping only.
             */
            env_id?: number | null;
            branch: string;
            version: string;
            note?: string;
            state: components["schemas"]["BuildState"];
            /** @description Why it failed or was cancelled. */
            reason?: string | null;
            /** @description Full image address, fixed at start. */
            image: string;
            /** @description sha256:… read from the registry once the job succeeded. */
            digest?: string | null;
            /** @description The commit built, when the job's console or parameters reported one. */
            commit?: string | null;
            jenkins: {
                job: string;
                /** Format: int64 */
                queue_id?: number | null;
                /** Format: int64 */
                build_number?: number | null;
                /** @description SUCCESS, FAILURE, UNSTABLE, ABORTED, NOT_BUILT. */
                result?: string | null;
            };
            cancel_requested_by?: string | null;
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at?: string | null;
            /** Format: date-time */
            finished_at?: string | null;
            /** Format: date-time */
            updated_at?: string;
            /**
             * Format: int64
             * @description Jenkins start to end (or to now while running).
             */
            duration_ms?: number | null;
            workflow_id?: string | null;
            /** @description What the caller may do now. */
            actions: ("cancel" | "delete")[];
            /** @description Why each other action is refused. */
            refusals: {
                [key: string]: string;
            };
        };
        /** @description A page of builds. */
        BuildList: {
            items: components["schemas"]["Build"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description developing (editable) → approving → pending_release → releasing → released | failed; closed is void.
         * @enum {string}
         */
        ChangeState: "developing" | "approving" | "closed" | "pending_release" | "releasing" | "released" | "failed";
        /** @enum {string} */
        ChangeType: "code" | "scale" | "env_resource";
        /** @description One entry of a change's history: create, edit, submit, approve, reject, close, withdraw, release, the release's end (succeed, fail), environment_deleted (closed because its environment was deleted), rollback entries. */
        ChangeEvent: {
            /** Format: int64 */
            id?: number;
            kind?: string;
            actor?: string;
            comment?: string;
            /** @description Facts of the entry (release_id, edited fields, rollback target…). */
            detail?: unknown;
            /** Format: date-time */
            created_at?: string;
        };
        Change: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            app_id: number;
            app?: string;
            /** Format: int64 */
            env_id: number;
            /** @description Empty once the environment is deleted. */
            env_type?: string;
            type: components["schemas"]["ChangeType"];
            state: components["schemas"]["ChangeState"];
            title: string;
            description?: string;
            /**
             * Format: int64
             * @description Self-developed code changes: the build released.
             */
            build_id?: number | null;
            /** @description What the change releases (code), or what keeps running (scale, env_resource). */
            image?: string;
            image_digest?: string;
            /** @description Scale changes: the new count. */
            replicas?: number | null;
            /** @description env_resource changes: the new resources (EnvSpec). */
            spec?: unknown;
            /** @description Decided at submit from the environment's release policy. */
            needs_approval?: boolean;
            /**
             * Format: int64
             * @description The release that executed it (a change is released at most once).
             */
            release_id?: number | null;
            /** @description Closed changes: the closer's comment (or "closed by <user>"), or what the system did: "environment 7 (prod) was deleted by bob" when the change's environment was deleted while the change was developing, approving or pending_release. */
            close_reason?: string | null;
            created_by?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
            /** Format: int64 */
            version: number;
            /** @description What the caller may do now: edit, submit, approve, reject, close, withdraw, release. */
            actions: string[];
            /** @description Oldest first; only on a single change. */
            events?: components["schemas"]["ChangeEvent"][];
        };
        ChangeList: {
            items: components["schemas"]["Change"][];
            next_cursor: string | null;
        };
        AwaitingChangeList: {
            items: components["schemas"]["Change"][];
            /** @description Always null: the inbox is one page. */
            next_cursor: string | null;
            /** @description How many changes wait for the caller's approval in all. */
            total: number;
        };
        /** @description Self-developed applications name a succeeded build of their own (build_id); commercial ones an image, or a tag of details.vendor_image. */
        ChangeCreate: {
            /**
             * Format: int64
             * @description An environment of this application.
             */
            env_id: number;
            title: string;
            description?: string;
            /** Format: int64 */
            build_id?: number;
            image?: string;
            tag?: string;
        };
        ChangePatch: {
            /**
             * Format: int64
             * @description The version the caller saw; 409 when stale.
             */
            version: number;
            /** Format: int64 */
            env_id?: number;
            title?: string;
            description?: string;
            /** Format: int64 */
            build_id?: number;
            image?: string;
            tag?: string;
        };
        ChangeTransition: {
            /** @description Required to reject. */
            comment?: string;
            /**
             * Format: int64
             * @description When given, 409 unless it is the current version.
             */
            version?: number;
        };
        /** @enum {string} */
        NoticeKind: "approval_requested" | "release_completed" | "release_failed" | "release_rolled_back";
        NotificationTarget: {
            name?: string;
            /** @enum {string} */
            type?: "dingtalk" | "webhook";
            /** @description Masked: query values and long path segments show only their last four characters. */
            url?: string;
            has_secret?: boolean;
            kinds?: components["schemas"]["NoticeKind"][];
            updated_by?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        NotificationTargetInput: {
            /** @description DNS label, unique in the list. */
            name: string;
            /** @enum {string} */
            type: "dingtalk" | "webhook";
            /** @description http(s); a DingTalk robot's webhook URL with its access_token. Absent: keep the stored URL of the target of this name. */
            url?: string;
            /** @description DingTalk signing secret (SEC…) or the webhook's HMAC key. Absent: keep; null or empty: remove. */
            secret?: string | null;
            /** @description Default: every kind. */
            kinds?: components["schemas"]["NoticeKind"][];
        };
        NotificationSettingsPut: {
            /** @description The whole list: targets left out are removed. */
            targets: components["schemas"]["NotificationTargetInput"][];
        };
        NotificationDelivery: {
            /** Format: int64 */
            id?: number;
            /** Format: int64 */
            app_id?: number;
            kind?: components["schemas"]["NoticeKind"];
            title?: string;
            target?: string;
            /** @enum {string} */
            target_scope?: "app" | "team";
            /** @enum {string} */
            state?: "pending" | "delivered" | "failed" | "skipped";
            /** @description The last failure. */
            error?: string;
            attempts?: number;
            workflow_id?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        NotificationSettings: {
            /** @enum {string} */
            scope: "app" | "team";
            /** Format: int64 */
            app_id?: number;
            app?: string;
            team: string;
            targets: components["schemas"]["NotificationTarget"][];
            /** @description App scope: the team's targets (name, type, kinds), which receive the application's notices too. */
            team_targets?: components["schemas"]["NotificationTarget"][];
            /** @description The latest 20, newest first. */
            deliveries: components["schemas"]["NotificationDelivery"][];
        };
        LaneAppRequest: {
            /** @description Application name or id. */
            app: string;
            /**
             * Format: int64
             * @description The environment copied from; default: the application's environment of the base env type.
             */
            base_env_id?: number;
            replicas?: number;
            env?: {
                name: string;
                value?: string;
            }[];
            /** @description Narrows the application's business domains; default: all of them. */
            domains?: string[];
        };
        LaneColoring: {
            producers?: string[];
            consumers?: {
                app: string;
                topic: string;
                group: string;
            }[];
        };
        LaneNotify: {
            /** @enum {string} */
            type: "dingtalk" | "webhook";
            url: string;
            secret?: string;
        };
        LaneStory: {
            workspace_id: string;
            id: string;
            url?: string;
        };
        LaneCreate: {
            /** @description 1-40 letters, digits, '-', '_', '.'; names the lane in every system (immutable). */
            name: string;
            story: components["schemas"]["LaneStory"];
            members?: string[];
            /** @description Default: lanes.base_env_type. */
            base_env_type?: string;
            /** @description Default: lanes.cluster, or the only cluster. */
            cluster?: string;
            apps: components["schemas"]["LaneAppRequest"][];
            coloring?: components["schemas"]["LaneColoring"];
            notify?: components["schemas"]["LaneNotify"];
        };
        LaneEdit: {
            /** Format: int64 */
            version: number;
            /** @description Must equal the lane's name if given. */
            name?: string;
            story?: components["schemas"]["LaneStory"];
            members?: string[];
            apps?: components["schemas"]["LaneAppRequest"][];
            coloring?: components["schemas"]["LaneColoring"];
            notify?: components["schemas"]["LaneNotify"] | null;
        };
        LaneArtefact: {
            system: string;
            kind: string;
            name: string;
            app?: string | null;
            detail: string;
        };
        LaneApp: {
            app: string;
            /** Format: int64 */
            app_id: number;
            /** Format: int64 */
            base_env_id: number;
            replicas?: number | null;
            env?: Record<string, never>[];
            domains: {
                domain?: string;
                host?: string;
            }[];
            internal_domain: string;
            coloring?: Record<string, never>;
            live: {
                branch_head?: string | null;
                last_build_id?: number | null;
                deployed_image?: string | null;
                hook_id?: number | null;
                updated_at?: string | null;
            };
        };
        Lane: {
            /**
             * Format: int64
             * @description null on a dry run
             */
            id: number | null;
            name: string;
            namespace: string;
            branch?: string;
            jenkins_folder?: string;
            config_branch?: string;
            story?: components["schemas"]["LaneStory"];
            /** @description The TAPD story's title. */
            description?: string;
            owner?: string;
            members?: string[];
            base_env_type?: string;
            cluster?: string;
            /** @enum {string} */
            state: "creating" | "active" | "failed" | "deleting" | "deleted";
            workflow_id?: string | null;
            workflow_state?: string | null;
            error?: string | null;
            apps: components["schemas"]["LaneApp"][];
            coloring?: components["schemas"]["LaneColoring"];
            notify?: boolean;
            expiry: {
                /** @enum {string} */
                stage?: "active" | "pending_deletion" | "due";
                last_activity_at?: string | null;
                pending_at?: string | null;
                delete_at?: string | null;
                listed_at?: string | null;
            };
            created_by?: string;
            created_at?: string | null;
            updated_at?: string | null;
            /** Format: int64 */
            version: number;
            actions: ("edit" | "renew" | "sync" | "delete")[];
        };
        LanePlanResult: {
            dry_run: boolean;
            lane: components["schemas"]["Lane"];
            plan: components["schemas"]["LaneArtefact"][];
            workflow_id?: string | null;
        };
        LaneDeletion: {
            done: boolean;
            workflow_id?: string | null;
            workflow_state: string;
            error?: string | null;
        };
        LaneEvent: {
            /** Format: int64 */
            id: number;
            app?: string | null;
            kind: string;
            detail: string;
            actor: string;
            created_at: string | null;
        };
        LaneArtefactState: {
            system: string;
            kind: string;
            name: string;
            app?: string | null;
            present: boolean | null;
            error?: string | null;
        };
        /**
         * @description Where the settings in effect come from: `api` (set through this API; wins), `config` (the configuration file), `sandbox` (the in-process emulator), `none` (not configured: calls answer 409 naming the setting).
         * @enum {string}
         */
        ConnectorSource: "none" | "config" | "sandbox" | "api";
        /** @description A system's settings. Which fields a system takes: HTTP systems `url` (required, http:// or https://, no credentials in it), `ca_file` (an absolute path on the server), `insecure_skip_tls_verify`, secret `token`; jenkins, registry and tapd add `user`; registry `image_host` (host[:port] in image addresses, default: the url's); consul `datacenter`; tapd `web_url`. dns takes `server` (IP[:PORT], required), `zone` and `key_name` (required; a trailing dot is added), `key_algorithm` (hmac-sha256 by default) and secret `key_secret` (base64, required). Any other field is 400. */
        ConnectorSettings: {
            url?: string;
            user?: string;
            ca_file?: string;
            insecure_skip_tls_verify?: boolean;
            image_host?: string;
            datacenter?: string;
            web_url?: string;
            server?: string;
            zone?: string;
            key_name?: string;
            key_algorithm?: string;
        };
        /** @description The settings that are not secret replace the stored ones as a whole (a field left out is empty). A secret field (`token`, `key_secret`) left out keeps the secret in effect — the stored one, else the configuration file's or the sandbox's; "" removes it. A system's settings. Which fields a system takes: HTTP systems `url` (required, http:// or https://, no credentials in it), `ca_file` (an absolute path on the server), `insecure_skip_tls_verify`, secret `token`; jenkins, registry and tapd add `user`; registry `image_host` (host[:port] in image addresses, default: the url's); consul `datacenter`; tapd `web_url`. dns takes `server` (IP[:PORT], required), `zone` and `key_name` (required; a trailing dot is added), `key_algorithm` (hmac-sha256 by default) and secret `key_secret` (base64, required). Any other field is 400. */
        ConnectorPut: {
            url?: string;
            user?: string;
            ca_file?: string;
            insecure_skip_tls_verify?: boolean;
            image_host?: string;
            datacenter?: string;
            web_url?: string;
            server?: string;
            zone?: string;
            key_name?: string;
            key_algorithm?: string;
            /** @description Secret: sealed at rest, never returned. */
            token?: string;
            /** @description Secret (dns): the TSIG key in base64. */
            key_secret?: string;
        };
        Connector: {
            system: string;
            source: components["schemas"]["ConnectorSource"];
            /** @description What applies after DELETE. */
            fallback: components["schemas"]["ConnectorSource"];
            settings: components["schemas"]["ConnectorSettings"];
            /** @description Each secret field of the system and whether it is set; the secret itself is never shown. */
            secret_set: {
                [key: string]: boolean;
            };
            /** @description Counts the API's changes; null unless source is api. */
            version: number | null;
            updated_by: string | null;
            /** Format: date-time */
            updated_at: string | null;
        };
        ConnectorList: {
            items: components["schemas"]["Connector"][];
            next_cursor: string | null;
        };
        ConnectorTestResult: {
            /** @description The system answered and accepted the credentials. */
            ok: boolean;
            /** @description Why not (refused credentials, TLS, timeout, not configured); never holds a secret. */
            error: string | null;
            /** @description The error's code (as in errors): `unauthenticated` when the credentials were refused, `forbidden`, `transient` when the system could not be reached, timed out or failed (5xx), `conflict` when it is not configured. */
            code: string | null;
            elapsed_ms: number;
        };
    };
    responses: {
        /** @description Bad input (`details.field` names it). */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No or bad credentials. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authenticated, but the permission is missing (or the CSRF header on a cookie write). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such object. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Stale version, duplicate, or illegal transition (`details.state`, `details.allowed_actions`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body too large. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body is not application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Throttled; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Any other failure: internal (500) or unavailable (503). */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Numeric id or name of the application. */
        AppId: string;
        /** @description Numeric id or username. */
        UserId: string;
        TokenId: number;
        WorkflowId: string;
        Username: string;
        /** @description Page size. */
        Limit: number;
        /** @description Opaque; `next_cursor` of the previous page. */
        Cursor: string;
        /** @description Cluster id or name. */
        ClusterId: string;
        /** @description Environment id. */
        EnvId: string;
        /** @description Release id. */
        ReleaseId: string;
        /** @description Change id. */
        ChangeId: string;
        /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
        ConfigFileName: string;
        /** @description Numeric id of the build. */
        BuildId: number;
        /** @description Numeric id of the lane, or the name of a live lane. */
        LaneId: string;
        /** @description jenkins, registry, apollo, consul, gitlab, tapd or dns; another name is 404. */
        ConnectorSystem: "jenkins" | "registry" | "apollo" | "consul" | "gitlab" | "tapd" | "dns";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox's state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sandbox"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. Keep the cookie and send `csrf_token` as `X-CSRF-Token` on writes. */
            200: {
                headers: {
                    /** @description `slipway_session=…; HttpOnly; SameSite=Lax; Path=/` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out; the cookie is cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller and, for cookie sessions, the CSRF token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description Another user's tokens (admins only). */
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens, without secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description Created; the secret is shown only here. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewToken"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Only this role. */
                role?: "admin" | "approver" | "developer" | "viewer";
                /** @description Text in username or display name. */
                q?: string;
                /** @description Only disabled (true) or enabled (false) users. */
                disabled?: boolean;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or username. */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or username. */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatch"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or username. */
                id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Reset. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listApps: {
        parameters: {
            query?: {
                /** @description Only this status. */
                status?: "under_review" | "rejected" | "pending_online" | "online" | "pending_offline" | "offline";
                /** @description Only this type. */
                type?: "self_developed" | "commercial" | "empty";
                /** @description Only this level. */
                level?: "core" | "non_core" | "edge";
                /** @description Only this team. */
                team?: string;
                /** @description Only applications this user owns (as any of their owner members; the name in any case). */
                owner?: string;
                /** @description Only applications this user is a member of. */
                member?: string;
                /** @description Text in name or description. */
                q?: string;
                /** @description Order; '-' prefix descends. */
                sort?: "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    registerApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppCreate"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppPatch"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    completeAppDetails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppDetailsUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    approveApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    rejectApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    resubmitApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VersionRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    requestAppOffline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OfflineRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    confirmAppOffline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VersionRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    cancelAppOffline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VersionRequest"];
            };
        };
        responses: {
            /** @description The application after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listAppMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    putAppMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPut"];
            };
        };
        responses: {
            /** @description The members after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    removeAppMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description `type:id`, e.g. `app:12`; an application also by name (`app:order-svc`). */
                object?: string;
                /** @description Who acted. */
                actor?: string;
                /** @description e.g. `app.approve`. */
                action?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of records, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["WorkflowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    signalWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["WorkflowId"];
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The workflow after the signal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    cancelWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["WorkflowId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelRequest"];
            };
        };
        responses: {
            /** @description The cancelled workflow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listClusters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clusters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    registerCluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClusterCreate"];
            };
        };
        responses: {
            /** @description The cluster. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    getCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster id or name. */
                id: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    deleteCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster id or name. */
                id: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    editCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Cluster id or name. */
                id: components["parameters"]["ClusterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClusterPatch"];
            };
        };
        responses: {
            /** @description The cluster. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listEnvironments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentCreate"];
            };
        };
        responses: {
            /** @description The environment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    deleteEnvironment: {
        parameters: {
            query: {
                /** @description The application's name, to confirm the deletion. */
                confirm: string;
            };
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    setEnvironmentReleasePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleasePolicyPut"];
            };
        };
        responses: {
            /** @description The environment with its new policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listPods: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pods. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PodList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    restartEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation record. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvOperation"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listEnvOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvOperationList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    environmentEvents: {
        parameters: {
            query?: {
                /** @description End the stream after this many seconds (1-3600); default: never. */
                timeout_seconds?: number;
            };
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    startRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseStart"];
            };
        };
        responses: {
            /** @description The release, started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listReleases: {
        parameters: {
            query?: {
                /** @description Application id or name */
                app?: string;
                /** @description Environment id */
                env_id?: number;
                /** @description pending, releasing, canary, completed or failed */
                state?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    getRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    releaseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    promoteRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    promoteReleaseAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    abortRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    planRollback: {
        parameters: {
            query?: {
                /** @description Another image of the application */
                image?: string;
                /** @description A baseline version */
                baseline_version?: number;
                /** @description all (default): image and config files; image: the image and resources only; config: the config files only (the pods stay) */
                scope?: "all" | "image" | "config";
            };
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollbackPlan"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    rollbackRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Release id. */
                id: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RollbackRequest"];
            };
        };
        responses: {
            /** @description The rollback release, started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listBaselines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The baselines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaselineList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    diffBaselines: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaselineDiff"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    configDrift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drift. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDrift"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    scaleEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScaleRequest"];
            };
        };
        responses: {
            /** @description The change and its release. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeAndRelease"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    editEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentEdit"];
            };
        };
        responses: {
            /** @description The preview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentEditResult"];
                };
            };
            /** @description Confirmed: the change and its release. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentEditResult"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listConfigFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The files (without content). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigFileList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getConfigFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigFile"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            /** @description No such environment, or the file is neither live nor drafted. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    deleteConfigFile: {
        parameters: {
            query?: {
                /** @description The live version the caller saw (also accepted in the body): a file changed since is refused with 409. Without it, whatever is live is deleted. */
                version?: number;
            };
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConfigDeleteRequest"];
            };
        };
        responses: {
            /** @description The deletion record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPublish"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    getConfigDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDraft"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    saveConfigDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigDraftSave"];
            };
        };
        responses: {
            /** @description The draft. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDraft"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    discardConfigDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    diffConfigDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diff; `stale` when the live value moved on since the draft was taken. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDiff"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    publishConfigDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                /** @description File name: 1-100 letters, digits, '.', '_', '-'; the extension gives the format. */
                name: components["parameters"]["ConfigFileName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigPublishRequest"];
            };
        };
        responses: {
            /** @description The publish record. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPublish"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Error"];
            default: components["responses"]["Error"];
        };
    };
    listConfigPublishes: {
        parameters: {
            query?: {
                /** @description Only this file. */
                file?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publishes (without content). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPublishList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    getConfigPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id. */
                id: components["parameters"]["EnvId"];
                publish: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publish. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPublish"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listBuilds: {
        parameters: {
            query?: {
                /** @description Only builds in this state. */
                state?: components["schemas"]["BuildState"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of builds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    startBuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BuildStart"];
            };
        };
        responses: {
            /** @description Recorded and queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Build"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The application is not built (type, status, no repository), the version is taken (`details.field` = `version`), or Jenkins/the registry is not configured. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    getBuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the build. */
                id: components["parameters"]["BuildId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The build. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Build"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    deleteBuild: {
        parameters: {
            query?: {
                /** @description Admins only: delete even while the image is in use. */
                force?: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric id of the build. */
                id: components["parameters"]["BuildId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The build has not ended, its image is in use by environments, baselines or unreleased changes (`details.references`, `details.digest`), or the registry refuses deletes (`details.registry_error`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The registry could not be reached; nothing was deleted. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    getBuildLog: {
        parameters: {
            query?: {
                /** @description Stream the log live (chunked transfer encoding): the text so far, then each new piece, ending when the build ends. Counts toward the open-stream limits (`server.max_streams_per_user`, `server.max_streams`): beyond them, 429. */
                follow?: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric id of the build. */
                id: components["parameters"]["BuildId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The console text. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    cancelBuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the build. */
                id: components["parameters"]["BuildId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancellation is under way (`cancel_requested_by` is set). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Build"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The build already ended (`details.state`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description Only this state. */
                state?: components["schemas"]["ChangeState"];
                /** @description Only this type. */
                type?: components["schemas"]["ChangeType"];
                /** @description Only this environment. */
                env_id?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description Opaque; `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of changes (without their history). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    createChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCreate"];
            };
        };
        responses: {
            /** @description The change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listAwaitingChanges: {
        parameters: {
            query: {
                /** @description Only `me` (the caller). */
                awaiting: "me";
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The first `limit` changes waiting for the caller and how many wait in all (no further pages: next_cursor is null). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AwaitingChangeList"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    editChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePatch"];
            };
        };
        responses: {
            /** @description The change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    submitChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeTransition"];
            };
        };
        responses: {
            /** @description The change after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    approveChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeTransition"];
            };
        };
        responses: {
            /** @description The change after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    rejectChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeTransition"];
            };
        };
        responses: {
            /** @description The change after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    closeChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeTransition"];
            };
        };
        responses: {
            /** @description The change after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    withdrawChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Change id. */
                id: components["parameters"]["ChangeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ChangeTransition"];
            };
        };
        responses: {
            /** @description The change after the transition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Change"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    getAppNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings (secrets never shown). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    putAppNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id or name of the application. */
                id: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsPut"];
            };
        };
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    getTeamNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Team name (as applications name it). */
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings (secrets never shown). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    putTeamNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Team name (as applications name it). */
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsPut"];
            };
        };
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["Error"];
        };
    };
    listLanes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lanes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Lane"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    createLane: {
        parameters: {
            query?: {
                /** @description true: only answer the plan; nothing is created or changed. */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LaneCreate"];
            };
        };
        responses: {
            /** @description The plan of a dry run; nothing was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanePlanResult"];
                };
            };
            /** @description Recorded; the create workflow (`workflow_id`) makes the artefacts. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanePlanResult"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    getLane: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lane. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lane"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    deleteLane: {
        parameters: {
            query: {
                /** @description The lane's name. */
                confirm: string;
            };
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaneDeletion"];
                };
            };
            /** @description Still deleting. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaneDeletion"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description A step failed (`error`). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaneDeletion"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    editLane: {
        parameters: {
            query?: {
                /** @description true: only answer the plan; nothing is created or changed. */
                dry_run?: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LaneEdit"];
            };
        };
        responses: {
            /** @description The plan of what the edit does; `workflow_id` when it started one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanePlanResult"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    getLanePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: components["schemas"]["LaneArtefact"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listLaneEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LaneEvent"][];
                    };
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    renewLane: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Renewed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lane"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    syncLane: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sync workflow started (`workflow_id`). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanePlanResult"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    receiveGitLabPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Taken (or ignored). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ignored: boolean;
                        event?: components["schemas"]["LaneEvent"];
                    };
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getLaneDrift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artefacts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LaneArtefactState"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    getLaneProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id of the lane, or the name of a live lane. */
                id: components["parameters"]["LaneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow (null before any) and its children. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflow: components["schemas"]["Workflow"] | null;
                        children: components["schemas"]["Workflow"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listConnectors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The systems. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    getConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description jenkins, registry, apollo, consul, gitlab, tapd or dns; another name is 404. */
                system: components["parameters"]["ConnectorSystem"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The system. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connector"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    setConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description jenkins, registry, apollo, consul, gitlab, tapd or dns; another name is 404. */
                system: components["parameters"]["ConnectorSystem"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectorPut"];
            };
        };
        responses: {
            /** @description The system as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connector"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    deleteConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description jenkins, registry, apollo, consul, gitlab, tapd or dns; another name is 404. */
                system: components["parameters"]["ConnectorSystem"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forgotten. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    testConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description jenkins, registry, apollo, consul, gitlab, tapd or dns; another name is 404. */
                system: components["parameters"]["ConnectorSystem"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConnectorPut"];
            };
        };
        responses: {
            /** @description Whether the system answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorTestResult"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
}
