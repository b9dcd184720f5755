// Folders and jobs of JenkinsEmulator: createItem, api/json, config.xml, delete.
#include <boost/json.hpp>
#include <cstdio>

#include "connectors/jenkins/client.hpp"
#include "connectors/jenkins/config_xml.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/jenkins/jenkins_util.hpp"

namespace slipway::sandbox::jenkins {

namespace {

constexpr std::string_view kFolderClass = "com.cloudbees.hudson.plugins.folder.Folder";

std::string Url(const std::string& origin, const std::string& path) {
  return origin + connectors::jenkins::JobPath(path) + "/";
}

// Jenkins' toPrintableName: control codes as \uXXXX (the message goes into a header).
std::string PrintableName(const std::string& name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

std::string Leaf(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string ClassOf(const std::string& root, bool folder) {
  if (folder) return std::string(kFolderClass);
  return root == "project" ? "hudson.model.FreeStyleProject"
                           : "org.jenkinsci.plugins.workflow.job.WorkflowJob";
}

}  // namespace

boost::json::object JenkinsEmulator::JobSummary(const std::string& path, const Item& item,
                                                const std::string& host) const {
  std::string color = item.folder ? "" : item.disabled ? "disabled" : "notbuilt";
  if (!item.folder && !item.builds.empty()) {
    const Build& last = *item.builds.rbegin()->second;
    const Build* done = &last;
    for (auto it = item.builds.rbegin(); it != item.builds.rend() && done->building; ++it)
      done = it->second.get();
    const std::string& r = done->result;
    color = r == "SUCCESS"    ? "blue"
            : r == "FAILURE"  ? "red"
            : r == "UNSTABLE" ? "yellow"
            : r.empty()       ? "notbuilt"
                              : "aborted";
    if (last.building) color += "_anime";
  }
  boost::json::object o{
      {"_class", ClassOf(item.root, item.folder)}, {"name", Leaf(path)}, {"url", Url(host, path)}};
  if (!item.folder) o["color"] = color;
  return o;
}

boost::json::object JenkinsEmulator::ItemJson(const std::string& path, const Item& item,
                                              const std::string& host) const {
  boost::json::object o = JobSummary(path, item, host);
  o["fullName"] = path;
  o["displayName"] = Leaf(path);
  o["description"] = nullptr;
  if (item.folder) {
    boost::json::array jobs;
    for (const auto& [p, child] : items_) {
      if (p.size() > path.size() && p.starts_with(path + "/") &&
          p.find('/', path.size() + 1) == std::string::npos) {
        jobs.push_back(JobSummary(p, child, host));
      }
    }
    o["jobs"] = jobs;
    return o;
  }
  auto ref = [&](const Build* b) -> boost::json::value {
    if (!b) return nullptr;
    return boost::json::object{{"_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun"},
                               {"number", b->number},
                               {"url", Url(host, path) + std::to_string(b->number) + "/"}};
  };
  boost::json::array builds;
  const Build* last = nullptr;
  const Build* last_completed = nullptr;
  for (auto it = item.builds.rbegin(); it != item.builds.rend(); ++it) {
    builds.push_back(ref(it->second.get()));
    if (!last) last = it->second.get();
    if (!last_completed && !it->second->building) last_completed = it->second.get();
  }
  boost::json::value queue_item = nullptr;
  for (const auto& [id, q] : queue_) {
    if (q.job == path && !q.cancelled && !q.build) {
      queue_item = boost::json::object{{"_class", "hudson.model.Queue$WaitingItem"}, {"id", id}};
    }
  }
  boost::json::array defs;
  for (const auto& p : item.parameters) {
    defs.push_back(boost::json::object{{"_class", "hudson.model.StringParameterDefinition"},
                                       {"name", p.name},
                                       {"type", "StringParameterDefinition"},
                                       {"description", nullptr},
                                       {"defaultParameterValue",
                                        {{"_class", "hudson.model.StringParameterValue"},
                                         {"name", p.name},
                                         {"value", p.default_value}}}});
  }
  boost::json::array property;
  if (!defs.empty()) {
    property.push_back(boost::json::object{{"_class", "hudson.model.ParametersDefinitionProperty"},
                                           {"parameterDefinitions", defs}});
  }
  o["buildable"] = !item.disabled;
  o["builds"] = builds;
  o["firstBuild"] = item.builds.empty() ? nullptr : ref(item.builds.begin()->second.get());
  o["lastBuild"] = ref(last);
  o["lastCompletedBuild"] = ref(last_completed);
  o["inQueue"] = !queue_item.is_null();
  o["queueItem"] = queue_item;
  o["nextBuildNumber"] = item.next_build;
  o["property"] = property;
  return o;
}

http::Response JenkinsEmulator::CreateItem(http::Request& request, const std::string& parent) {
  if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
  std::string name = request.Query("name").value_or("");
  if (name.empty()) return HtmlError(400, "Query parameter 'name' is required", true);
  // Jenkins.checkGoodName, in its order: ".", "..", control codes, unsafe characters.
  if (name == "." || name == "..")
    return HtmlError(400, "\u2018" + name + "\u2019 is not an allowed name", true);
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return HtmlError(400, "No control code is allowed: " + PrintableName(name), true);
    }
  }
  for (char c : std::string_view("/\\:?*\"<>|#%&;!@[]^")) {
    if (name.find(c) != std::string::npos) {
      return HtmlError(400, "\u2018" + std::string(1, c) + "\u2019 is an unsafe character", true);
    }
  }
  std::string type(request.Header("content-type"));
  auto mode = request.Query("mode");
  if (type.empty()) return HtmlError(400, "No Content-Type header set", true);
  Item item;
  if (mode) {
    if (*mode == kFolderClass) {
      item.folder = true;
      item.root = *mode;
    } else if (*mode == "hudson.model.FreeStyleProject" ||
               *mode == "org.jenkinsci.plugins.workflow.job.WorkflowJob") {
      item.root = *mode == "hudson.model.FreeStyleProject" ? "project" : "flow-definition";
    } else {
      return HtmlError(400, "No item type \u2018" + PrintableName(*mode) + "\u2019 is known", true);
    }
    item.config_xml = item.folder
                          ? connectors::jenkins::FolderXml("")
                          : "<?xml version='1.1' encoding='UTF-8'?>\n<" + item.root + "/>\n";
  } else {
    if (!type.starts_with("application/xml") && !type.starts_with("text/xml")) {
      return HtmlError(400, "No mode given", true);
    }
    auto config = connectors::jenkins::ParseConfigXml(request.body);
    if (!config.ok()) return HtmlError(400, config.error().message, true);
    item.folder = config->folder;
    item.root = config->root;
    item.parameters = config->parameters;
    item.scm_url = config->scm_url;
    item.scm_branch = config->scm_branch;
    item.disabled = config->disabled;
    item.config_xml = request.body;
  }
  std::string full = parent.empty() ? name : parent + "/" + name;
  std::lock_guard lock(mutex_);
  if (!parent.empty()) {
    auto p = items_.find(parent);
    if (p == items_.end() || !p->second.folder) return HtmlError(404, "Not Found");
  }
  if (items_.contains(full))
    return HtmlError(400, "A job already exists with the name \u2018" + name + "\u2019", true);
  items_[full] = std::move(item);
  if (mode) return Redirect(302, Url(Origin(request), full) + "configure");
  http::Response ok;
  ok.content_type.clear();
  return ok;
}

http::Response JenkinsEmulator::ItemRequest(http::Request& request, const std::string& path,
                                            const std::string& rest, const std::string& user) {
  {
    std::lock_guard lock(mutex_);
    if (!items_.contains(path)) return HtmlError(404, "Not Found");
  }
  if (rest == "/createItem") {
    std::lock_guard lock(mutex_);
    if (!items_.at(path).folder) return HtmlError(404, "Not Found");
  }
  if (rest == "/createItem") return CreateItem(request, path);
  if (rest == "/buildWithParameters" || rest == "/build") {
    if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
    return Trigger(request, path, rest == "/buildWithParameters", user);
  }
  std::lock_guard lock(mutex_);
  auto it = items_.find(path);
  if (it == items_.end()) return HtmlError(404, "Not Found");
  Item& item = it->second;
  auto erase = [&] {
    std::erase_if(items_, [&](const auto& kv) {
      return kv.first == path || kv.first.starts_with(path + "/");
    });
  };
  if (rest.empty() || rest == "/") {
    if (request.method == "DELETE") {
      erase();
      return http::Response::NoContent();
    }
    return http::Response::Text(200, "<html><body><h1>" + path + "</h1></body></html>",
                                "text/html;charset=utf-8");
  }
  if (rest == "/api/json" || rest == "/api/json/")
    return http::Response::Json(200, ItemJson(path, item, Origin(request)));
  if (rest == "/config.xml") {
    if (request.method == "GET")
      return http::Response::Text(200, item.config_xml, "application/xml");
    if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
    auto config = connectors::jenkins::ParseConfigXml(request.body);
    if (!config.ok() || config->folder != item.folder) return HtmlError(400, "Invalid config.xml");
    item.config_xml = request.body;
    item.root = config->root;
    item.parameters = config->parameters;
    item.scm_url = config->scm_url;
    item.scm_branch = config->scm_branch;
    item.disabled = config->disabled;
    http::Response ok;
    ok.content_type.clear();
    return ok;
  }
  if (rest == "/doDelete") {
    if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
    auto slash = path.rfind('/');
    std::string parent_url = slash == std::string::npos
                                 ? Origin(request) + "/"
                                 : Url(Origin(request), path.substr(0, slash));
    erase();
    return Redirect(302, parent_url);
  }
  if (item.folder) return HtmlError(404, "Not Found");
  return BuildRequest(request, path, item, rest);
}

}  // namespace slipway::sandbox::jenkins
