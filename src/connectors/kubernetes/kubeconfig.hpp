#pragma once
// Where a cluster is and how to authenticate to it: from a kubeconfig file
// (client-go's clientcmd rules for the fields below) or, inside a pod, from
// the service account Kubernetes mounts.

#include <string>
#include <string_view>

#include "connectors/kubernetes/settings.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors {

/// Reads a kubeconfig file; relative paths in it are relative to its folder.
/// Uses `context`, or the file's current-context when empty.
core::Result<KubernetesSettings> LoadKubeconfig(const std::string& path,
                                                std::string_view context = "");

/// Parses kubeconfig YAML. Fields read: clusters[].cluster.{server,
/// certificate-authority, certificate-authority-data, insecure-skip-tls-verify,
/// tls-server-name, proxy-url}; users[].user.{token, tokenFile,
/// client-certificate[-data], client-key[-data], username, password};
/// contexts[].context.{cluster, user, namespace}. `*-data` fields are base64
/// PEM and win over the file fields. Token files are read now (a missing one
/// is an error) and again by the transport whenever they are rotated
/// (TransportSettings::bearer_token_file). kInvalid, naming the file and the entry, for a
/// missing context/cluster/user/server, bad base64, unreadable files, and
/// what Slipway does not support (exec and auth-provider plugins).
core::Result<KubernetesSettings> ParseKubeconfig(std::string_view yaml, const std::string& base_dir,
                                                 std::string_view context = "",
                                                 std::string_view origin = "kubeconfig");

/// Parses a kubeconfig that came over the API (a cluster's registration),
/// which must carry its credentials inline: a field naming a file
/// (certificate-authority, client-certificate, client-key, tokenFile) is
/// kInvalid, naming the field. Such a file would be read on Slipway's
/// server and its content sent to whatever server the kubeconfig names —
/// any readable file, or one that never ends (/dev/zero).
core::Result<KubernetesSettings> ParseInlineKubeconfig(std::string_view yaml,
                                                       std::string_view origin = "kubeconfig");

/// Inside a pod: the API server from KUBERNETES_SERVICE_HOST/PORT (unless
/// given here), the token, ca.crt and namespace files of the service account
/// (the token file re-read when the kubelet rotates it).
struct InClusterOptions {
  std::string service_account_dir = "/var/run/secrets/kubernetes.io/serviceaccount";
  std::string host;  ///< empty: $KUBERNETES_SERVICE_HOST
  std::string port;  ///< empty: $KUBERNETES_SERVICE_PORT
};
core::Result<KubernetesSettings> InClusterSettings(const InClusterOptions& options = {});

}  // namespace slipway::connectors
