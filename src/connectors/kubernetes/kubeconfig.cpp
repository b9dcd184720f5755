#include "connectors/kubernetes/kubeconfig.hpp"

#include <sodium.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "connectors/yaml_keys.hpp"
#include "core/common/ascii_text.hpp"

namespace slipway::connectors {

namespace {

namespace fs = std::filesystem;

struct Reader {
  std::string origin;  // named in every error
  std::string base_dir;
  bool files_allowed = true;

  core::Error Fail(const std::string& what) const { return core::Invalid(origin + ": " + what); }

  core::Error FileRefused(const std::string& field) const {
    return Fail(
        field +
        " names a file; a kubeconfig given to Slipway must carry its credentials "
        "inline (token, certificate-authority-data, client-certificate-data, client-key-data)");
  }

  std::string Resolve(const std::string& path) const {
    if (path.empty() || fs::path(path).is_absolute() || base_dir.empty()) return path;
    return (fs::path(base_dir) / path).lexically_normal().string();
  }

  core::Result<std::string> ReadFile(const std::string& path, const std::string& field) const {
    if (!files_allowed) return FileRefused(field);
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(field + ": cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  core::Result<std::string> Decode(const std::string& b64, const std::string& field) const {
    std::string out(b64.size(), '\0');
    size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                          b64.size(), " \t\r\n", &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
      return Fail(field + " is not valid base64");
    }
    out.resize(length);
    return out;
  }

  /// A file that must exist now: a typo should fail at registration, not at the first call.
  core::Result<std::string> ExistingFile(const std::string& path, const std::string& field) const {
    if (!files_allowed) return FileRefused(field);
    std::string resolved = Resolve(path);
    std::ifstream in(resolved);
    if (!in) return Fail(field + ": cannot read " + resolved);
    return resolved;
  }
};

std::string Str(const YAML::Node& node, const char* key) {
  const auto& v = node[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

/// The `inner` map of the entry named `name` in a list of {name, inner}.
YAML::Node Named(const YAML::Node& root, const char* list, const char* inner,
                 const std::string& name, bool& found) {
  found = false;
  const auto& entries = root[list];
  if (!entries || !entries.IsSequence()) return YAML::Node();
  for (const auto& entry : entries) {
    if (Str(entry, "name") == name) {
      found = true;
      return entry[inner] ? entry[inner] : YAML::Node(YAML::NodeType::Map);
    }
  }
  return YAML::Node();
}

core::Status ReadCluster(const Reader& r, const YAML::Node& cluster, const std::string& name,
                         TransportSettings& t) {
  const std::string where = "cluster \"" + name + "\"";
  t.base_url = Str(cluster, "server");
  if (t.base_url.empty()) return r.Fail(where + " has no server");
  t.proxy = Str(cluster, "proxy-url");
  t.tls.server_name = Str(cluster, "tls-server-name");
  t.tls.insecure_skip_verify =
      cluster["insecure-skip-tls-verify"] && cluster["insecure-skip-tls-verify"].as<bool>();
  if (auto data = Str(cluster, "certificate-authority-data"); !data.empty()) {
    auto pem = r.Decode(data, where + " certificate-authority-data");
    if (!pem.ok()) return pem.error();
    t.tls.ca_pem = std::move(*pem);
  } else if (auto file = Str(cluster, "certificate-authority"); !file.empty()) {
    auto path = r.ExistingFile(file, where + " certificate-authority");
    if (!path.ok()) return path.error();
    t.tls.ca_file = std::move(*path);
  }
  // client-go refuses this combination: the CA would silently be ignored.
  if (t.tls.insecure_skip_verify && (!t.tls.ca_pem.empty() || !t.tls.ca_file.empty())) {
    return r.Fail(where +
                  ": specifying a root certificates file with the insecure flag is not allowed");
  }
  return core::Ok{};
}

core::Status ReadPem(const Reader& r, const YAML::Node& user, const std::string& where,
                     const char* data_key, const char* file_key, std::string& pem,
                     std::string& file) {
  if (auto data = Str(user, data_key); !data.empty()) {
    auto decoded = r.Decode(data, where + " " + data_key);
    if (!decoded.ok()) return decoded.error();
    pem = std::move(*decoded);
  } else if (auto path = Str(user, file_key); !path.empty()) {
    auto resolved = r.ExistingFile(path, where + " " + file_key);
    if (!resolved.ok()) return resolved.error();
    file = std::move(*resolved);
  }
  return core::Ok{};
}

core::Status ReadUser(const Reader& r, const YAML::Node& user, const std::string& name,
                      TransportSettings& t) {
  const std::string where = "user \"" + name + "\"";
  if (user["exec"])
    return r.Fail(
        where + ": exec credential plugins are not supported; use a token or a client certificate");
  if (user["auth-provider"])
    return r.Fail(where +
                  ": auth-provider plugins are not supported; use a token or a client certificate");
  t.bearer_token = Str(user, "token");
  // As clientcmd: `token` wins; a tokenFile is read now (a typo fails here)
  // and re-read by the transport when it is rotated.
  if (auto file = Str(user, "tokenFile"); t.bearer_token.empty() && !file.empty()) {
    t.bearer_token_file = r.Resolve(file);
    auto token = r.ReadFile(t.bearer_token_file, where + " tokenFile");
    if (!token.ok()) return token.error();
    t.bearer_token = std::string(core::TrimSpace(*token));
  }
  t.basic_user = Str(user, "username");
  t.basic_password = Str(user, "password");
  if (auto ok = ReadPem(r, user, where, "client-certificate-data", "client-certificate",
                        t.tls.client_cert_pem, t.tls.client_cert_file);
      !ok.ok()) {
    return ok;
  }
  if (auto ok = ReadPem(r, user, where, "client-key-data", "client-key", t.tls.client_key_pem,
                        t.tls.client_key_file);
      !ok.ok()) {
    return ok;
  }
  const bool has_cert = !t.tls.client_cert_pem.empty() || !t.tls.client_cert_file.empty();
  const bool has_key = !t.tls.client_key_pem.empty() || !t.tls.client_key_file.empty();
  if (has_cert != has_key)
    return r.Fail(where + ": a client certificate needs its key and a key its certificate");
  return core::Ok{};
}

core::Result<KubernetesSettings> Parse(const Reader& r, std::string_view yaml,
                                       std::string_view context) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (auto problem = FindRepeatedKey(root)) {
      return r.Fail("not valid YAML: " + problem->message + " (line " +
                    std::to_string(problem->line) + ")");
    }
    if (!root.IsMap()) return r.Fail("not a kubeconfig (expected a YAML map)");
    std::string context_name =
        context.empty() ? Str(root, "current-context") : std::string(context);
    if (context_name.empty()) return r.Fail("no current-context is set and no context was named");
    bool found = false;
    YAML::Node ctx = Named(root, "contexts", "context", context_name, found);
    if (!found) return r.Fail("context \"" + context_name + "\" not found");

    KubernetesSettings settings;
    const std::string cluster_name = Str(ctx, "cluster");
    if (cluster_name.empty()) return r.Fail("context \"" + context_name + "\" names no cluster");
    YAML::Node cluster = Named(root, "clusters", "cluster", cluster_name, found);
    if (!found)
      return r.Fail("cluster \"" + cluster_name + "\" (of context \"" + context_name +
                    "\") not found");
    if (auto ok = ReadCluster(r, cluster, cluster_name, settings.transport); !ok.ok())
      return ok.error();

    if (const std::string user_name = Str(ctx, "user"); !user_name.empty()) {
      YAML::Node user = Named(root, "users", "user", user_name, found);
      if (!found)
        return r.Fail("user \"" + user_name + "\" (of context \"" + context_name + "\") not found");
      if (auto ok = ReadUser(r, user, user_name, settings.transport); !ok.ok()) return ok.error();
    }
    if (auto ns = Str(ctx, "namespace"); !ns.empty()) settings.default_namespace = ns;
    return settings;
  } catch (const YAML::Exception& e) {
    return r.Fail(std::string("not valid YAML: ") + e.what());
  }
}

}  // namespace

core::Result<KubernetesSettings> ParseKubeconfig(std::string_view yaml, const std::string& base_dir,
                                                 std::string_view context,
                                                 std::string_view origin) {
  return Parse(Reader{std::string(origin), base_dir}, yaml, context);
}

core::Result<KubernetesSettings> ParseInlineKubeconfig(std::string_view yaml,
                                                       std::string_view origin) {
  return Parse(Reader{std::string(origin), "", false}, yaml, "");
}

core::Result<KubernetesSettings> LoadKubeconfig(const std::string& path, std::string_view context) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Invalid("kubeconfig " + path + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseKubeconfig(text.str(), fs::absolute(path).parent_path().string(), context,
                         "kubeconfig " + path);
}

core::Result<KubernetesSettings> InClusterSettings(const InClusterOptions& options) {
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
  };
  std::string host = options.host.empty() ? env("KUBERNETES_SERVICE_HOST") : options.host;
  std::string port = options.port.empty() ? env("KUBERNETES_SERVICE_PORT") : options.port;
  if (host.empty() || port.empty()) {
    return core::Invalid(
        "in-cluster config: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set (not "
        "running in a pod?)");
  }
  if (host.find(':') != std::string::npos) host = "[" + host + "]";  // IPv6 literal
  Reader r{"in-cluster config", options.service_account_dir};
  KubernetesSettings settings;
  settings.transport.base_url = "https://" + host + ":" + port;
  // The kubelet rotates the projected token: the transport re-reads the file.
  settings.transport.bearer_token_file = r.Resolve("token");
  auto token = r.ReadFile(settings.transport.bearer_token_file, "service account token");
  if (!token.ok()) return token.error();
  settings.transport.bearer_token = std::string(core::TrimSpace(*token));
  auto ca = r.ExistingFile("ca.crt", "service account CA");
  if (!ca.ok()) return ca.error();
  settings.transport.tls.ca_file = std::move(*ca);
  if (std::ifstream ns(r.Resolve("namespace")); ns) {
    std::string name;
    std::getline(ns, name);
    if (!core::TrimSpace(name).empty())
      settings.default_namespace = std::string(core::TrimSpace(name));
  }
  return settings;
}

}  // namespace slipway::connectors
