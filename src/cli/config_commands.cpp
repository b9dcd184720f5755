// `slipway config …`: an environment's configuration files — show the live
// value, edit a draft (from a file or in $EDITOR), diff it, publish it,
// delete a live file, and the publish history.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/config_views.hpp"
#include "cli/editor.hpp"
#include "cli/env_ref.hpp"
#include "cli/failure.hpp"
#include "cli/url.hpp"
#include "core/common/json_path.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;

struct ConfigArgs {
  ClientOptions connection;
  std::string env, file, from, comment;
  bool rebase = false, raw = false, draft = false, all = false, yes = false;
  int limit = 50;
  std::int64_t version = 0;
};

std::string FilePath(Session& session, const ConfigArgs& a, const std::string& suffix = "") {
  return EnvPath(session, a.env, "/config/files/" + PercentEncode(a.file) + suffix);
}

// What an edit starts from: the draft (and its version, so a concurrent
// edit is refused), else the live value, else nothing.
std::string StartingPoint(Session& session, const ConfigArgs& a,
                          std::optional<std::int64_t>& version) {
  try {
    auto draft = session.Call("GET", FilePath(session, a, "/draft"));
    version = draft.as_object().at("version").as_int64();
    return core::StringAt(draft, {"content"});
  } catch (const Failure& f) {
    if (f.exit() != ExitCode::kNotFound) throw;
  }
  try {
    auto file = session.Call("GET", FilePath(session, a));
    return core::StringAt(file.as_object().at("live"), {"content"});
  } catch (const Failure& f) {
    if (f.exit() != ExitCode::kNotFound) throw;
  }
  return "";
}

void Edit(const ConfigArgs& a) {
  auto session = Session::Connect(a.connection);
  json::object body;
  if (!a.from.empty()) {
    body["content"] = ReadInput(a.from);
  } else {
    std::optional<std::int64_t> version;
    const std::string start = StartingPoint(session, a, version);
    std::string edited = EditText(start, a.file);
    if (edited == start && !a.rebase) {
      session.Note("no change; the draft was not saved");
      return;
    }
    body["content"] = std::move(edited);
    if (version) body["version"] = *version;
  }
  if (a.rebase) body["rebase"] = true;
  const json::value request = std::move(body);
  session.Print(session.Call("PUT", FilePath(session, a, "/draft"), &request), RenderConfigDraft);
}

void Show(const ConfigArgs& a) {
  auto session = Session::Connect(a.connection);
  if (a.file.empty()) {
    session.Print(session.Call("GET", EnvPath(session, a.env, "/config/files")),
                  RenderConfigFileList);
    return;
  }
  if (a.draft) {
    session.Print(session.Call("GET", FilePath(session, a, "/draft")), RenderConfigDraft);
    return;
  }
  auto file = session.Call("GET", FilePath(session, a));
  if (a.raw && !session.json_output()) {
    std::cout << core::StringAt(file.as_object().at("live"), {"content"});
    return;
  }
  session.Print(file, RenderConfigFile);
}

// Without --yes only shows what would go and the version to pin; with it,
// deletes (pinned to --version when given).
void DeleteFile(const ConfigArgs& a) {
  auto session = Session::Connect(a.connection);
  if (!a.yes) {
    auto file = session.Call("GET", FilePath(session, a));
    const auto& live = file.as_object().at("live").as_object();
    if (!live.at("exists").as_bool()) {
      throw Failure(ExitCode::kNotFound, "not_found",
                    a.file + " is not live (it has only a draft): there is nothing to delete");
    }
    session.Print(file, RenderConfigDeletePreview);
    return;
  }
  json::object body;
  if (!a.comment.empty()) body["comment"] = a.comment;
  const json::value request = std::move(body);
  const std::string path =
      a.version > 0 ? WithQuery(FilePath(session, a), {{"version", std::to_string(a.version)}})
                    : FilePath(session, a);
  session.Print(session.Call("DELETE", path, &request), RenderConfigPublish);
}

void History(const ConfigArgs& a) {
  auto session = Session::Connect(a.connection);
  const std::string base = EnvPath(session, a.env, "/config/history");
  auto page = session.List(
      [&](const std::string& cursor) {
        return WithQuery(
            base, {{"limit", std::to_string(a.limit)}, {"file", a.file}, {"cursor", cursor}});
      },
      a.all);
  session.Print(page, RenderConfigHistory);
}

CLI::App* FileCommand(CLI::App* config, const char* name, const char* help, ConfigArgs& args) {
  auto* command = config->add_subcommand(name, help);
  command->add_option("env", args.env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  command->add_option("file", args.file, "File name, e.g. application.properties or app.yaml")
      ->required();
  return command;
}

}  // namespace

void AddConfigCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ConfigArgs>();
  auto* config =
      app.add_subcommand("config", "Configuration files of an environment (Consul or Apollo)");
  AddClientOptions(*config, args->connection);
  config->require_subcommand(1);

  auto* show =
      config->add_subcommand("show", "List the environment's files, or show one file's live value");
  show->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  show->add_option("file", args->file, "File name (omitted: list the files)");
  show->add_flag("--raw", args->raw, "Only the live content, for redirecting to a file");
  show->add_flag("--draft", args->draft, "The draft instead of the live value")->excludes("--raw");
  SetAction(show, exit_code, [args] { Show(*args); });

  auto* edit = FileCommand(config, "edit",
                           "Edit the file's draft in $EDITOR, or replace it from a file", *args);
  edit->add_option("--from", args->from, "Take the content from this file ('-': standard input)");
  edit->add_flag("--rebase", args->rebase,
                 "Base the draft on the live value of now (after a conflict)");
  SetAction(edit, exit_code, [args] { Edit(*args); });

  SetAction(FileCommand(config, "diff", "Compare the draft with the live value", *args), exit_code,
            [args] {
              auto session = Session::Connect(args->connection);
              session.Print(session.Call("GET", FilePath(session, *args, "/diff")),
                            RenderConfigDiff);
            });

  auto* publish = FileCommand(config, "publish",
                              "Publish the draft; refused if the live value changed since", *args);
  publish->add_option("--comment", args->comment,
                      "Why (kept in the history; Apollo's release comment)");
  SetAction(publish, exit_code, [args] {
    auto session = Session::Connect(args->connection);
    json::object body;
    if (!args->comment.empty()) body["comment"] = args->comment;
    const json::value request = std::move(body);
    session.Print(session.Call("POST", FilePath(session, *args, "/publish"), &request),
                  RenderConfigPublish);
  });

  SetAction(FileCommand(config, "discard", "Discard the file's draft", *args), exit_code, [args] {
    auto session = Session::Connect(args->connection);
    session.Call("DELETE", FilePath(session, *args, "/draft"));
    session.Note("discarded the draft of " + args->file);
  });

  auto* remove =
      FileCommand(config, "delete",
                  "Delete the live file (shows it first; --yes deletes; its draft stays)", *args);
  remove
      ->add_option("--version", args->version,
                   "The live version you saw: refused if the file changed since")
      ->check(CLI::PositiveNumber);
  remove->add_option("--comment", args->comment,
                     "Why (kept in the history; Apollo's release comment)");
  remove->add_flag("--yes", args->yes, "Delete it (without: only show what would be deleted)");
  SetAction(remove, exit_code, [args] { DeleteFile(*args); });

  auto* history = config->add_subcommand(
      "history", "Publishes and deletions of the environment's files, newest first");
  history->add_option("env", args->env, "Environment id or APP/ENV_TYPE[@CLUSTER]")->required();
  history->add_option("--file", args->file, "Only this file");
  history->add_option("--limit", args->limit, "Page size")
      ->check(CLI::Range(1, 500))
      ->capture_default_str();
  history->add_flag("--all", args->all, "Fetch every page");
  SetAction(history, exit_code, [args] { History(*args); });
}

}  // namespace slipway::cli
