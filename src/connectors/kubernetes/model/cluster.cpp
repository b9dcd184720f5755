#include "connectors/kubernetes/model/cluster.hpp"

namespace slipway::connectors::kube::model {

bool DefaultImageExists(const std::string& image) {
  if (image.find("missing") != std::string::npos) return false;
  if (image.find('@') != std::string::npos) return true;
  auto slash = image.rfind('/');
  auto colon = image.rfind(':');
  return colon != std::string::npos && (slash == std::string::npos || colon > slash);
}

std::string Cluster::AllocateServiceIp() {
  int n = next_ip++;
  return "10.96." + std::to_string((n / 250) % 250) + "." + std::to_string(n % 250 + 1);
}

std::string Cluster::AllocatePodIp() {
  int n = next_ip++;
  return "10.244." + std::to_string((n / 250) % 250) + "." + std::to_string(n % 250 + 1);
}

bool Cluster::ImageExists(const std::string& image) const {
  return settings.image_exists ? settings.image_exists(image) : DefaultImageExists(image);
}

bool Cluster::ImageCrashes(const std::string& image) const {
  return settings.image_crashes && settings.image_crashes(image);
}

}  // namespace slipway::connectors::kube::model
