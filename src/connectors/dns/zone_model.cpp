#include "connectors/dns/zone_model.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

namespace slipway::connectors::dns {

std::string CanonicalName(std::string_view name) {
  std::string out(name);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.empty() || out.back() != '.') out += '.';
  return out;
}

namespace {
std::string SoaText(const std::string& origin, std::uint32_t serial) {
  return "ns1." + origin + " hostmaster." + origin + " " + std::to_string(serial) +
         " 3600 600 86400 300";
}
}  // namespace

ZoneModel::ZoneModel(std::string origin, std::string ns_address)
    : origin_(CanonicalName(origin)), ns_address_(std::move(ns_address)) {
  Reset();
}

void ZoneModel::Reset() {
  std::lock_guard lock(mutex_);
  rrsets_.clear();
  serial_ = 1;
  rrsets_[{origin_, kTypeSoa}] = {300, {SoaText(origin_, serial_)}};
  rrsets_[{origin_, kTypeNs}] = {300, {"ns1." + origin_}};
  rrsets_[{"ns1." + origin_, kTypeA}] = {300, {ns_address_}};
}

bool ZoneModel::InZone(std::string_view name) const {
  auto n = CanonicalName(name);
  return n == origin_ || (n.size() > origin_.size() && n.ends_with("." + origin_));
}

int ZoneModel::CheckPrereqs(const std::vector<Prereq>& prereqs) const {
  auto name_used = [&](const std::string& name) {
    auto it = rrsets_.lower_bound({name, 0});
    return it != rrsets_.end() && it->first.first == name;
  };
  for (const auto& p : prereqs) {
    auto it = rrsets_.find({p.name, p.type});
    switch (p.kind) {
      case Prereq::kRrsetExists:
        if (it == rrsets_.end()) return kNxRrset;
        break;
      case Prereq::kRrsetEquals:
        if (it == rrsets_.end() || it->second.second != p.values) return kNxRrset;
        break;
      case Prereq::kRrsetAbsent:
        if (it != rrsets_.end()) return kYxRrset;
        break;
      case Prereq::kNameInUse:
        if (!name_used(p.name)) return kNxDomain;
        break;
      case Prereq::kNameNotInUse:
        if (name_used(p.name)) return kYxDomain;
        break;
    }
  }
  return kNoError;
}

void ZoneModel::ApplyOne(Rrsets& zone, const Update& u) const {
  const auto& name = u.rr.name;
  const bool apex = name == origin_;
  auto first = zone.lower_bound({name, 0});
  auto has_other_than_cname = [&] {
    for (auto it = first; it != zone.end() && it->first.first == name; ++it) {
      if (it->first.second != kTypeCname) return true;
    }
    return false;
  };
  switch (u.kind) {
    case Update::kAdd: {
      if (u.rr.type == kTypeSoa) return;  // serials are the server's business here
      if (u.rr.type == kTypeCname) {
        if (has_other_than_cname()) return;  // §3.4.2.2: ignored
        zone[{name, kTypeCname}] = {u.rr.ttl, {u.rr.rdata}};
        return;
      }
      if (zone.contains({name, kTypeCname})) return;  // §3.4.2.2: ignored
      auto& set = zone[{name, u.rr.type}];
      set.first = u.rr.ttl;
      set.second.insert(u.rr.rdata);
      return;
    }
    case Update::kDeleteRrset:
      if (apex && (u.rr.type == kTypeSoa || u.rr.type == kTypeNs)) return;
      if (u.rr.type == kTypeAny) {
        ApplyOne(zone, {Update::kDeleteName, u.rr});
      } else {
        zone.erase({name, u.rr.type});
      }
      return;
    case Update::kDeleteName:
      for (auto it = first; it != zone.end() && it->first.first == name;) {
        if (apex && (it->first.second == kTypeSoa || it->first.second == kTypeNs)) {
          ++it;
        } else {
          it = zone.erase(it);
        }
      }
      return;
    case Update::kDeleteRr: {
      auto it = zone.find({name, u.rr.type});
      if (it == zone.end() || (apex && u.rr.type == kTypeSoa)) return;
      if (apex && u.rr.type == kTypeNs && it->second.second.size() == 1) return;
      it->second.second.erase(u.rr.rdata);
      if (it->second.second.empty()) zone.erase(it);
      return;
    }
  }
}

int ZoneModel::Apply(const std::vector<Prereq>& prereqs, const std::vector<Update>& updates) {
  std::lock_guard lock(mutex_);
  for (const auto& p : prereqs) {
    if (!InZone(p.name)) return kNotZone;
  }
  for (const auto& u : updates) {
    if (!InZone(u.rr.name)) return kNotZone;
  }
  if (int rc = CheckPrereqs(prereqs); rc != kNoError) return rc;
  Rrsets next = rrsets_;
  for (const auto& u : updates) ApplyOne(next, u);
  if (next != rrsets_) {
    rrsets_ = std::move(next);
    ++serial_;
    rrsets_[{origin_, kTypeSoa}].second = {SoaText(origin_, serial_)};
  }
  return kNoError;
}

std::vector<Rr> ZoneModel::Lookup(std::string_view name, std::uint16_t type) const {
  std::lock_guard lock(mutex_);
  const auto n = CanonicalName(name);
  std::vector<Rr> out;
  for (auto it = rrsets_.lower_bound({n, 0}); it != rrsets_.end() && it->first.first == n; ++it) {
    if (type != kTypeAny && it->first.second != type) continue;
    for (const auto& rdata : it->second.second)
      out.push_back({n, it->first.second, it->second.first, rdata});
  }
  return out;
}

bool ZoneModel::NameExists(std::string_view name) const {
  std::lock_guard lock(mutex_);
  const auto n = CanonicalName(name);
  auto it = rrsets_.lower_bound({n, 0});
  return it != rrsets_.end() && it->first.first == n;
}

std::uint32_t ZoneModel::serial() const {
  std::lock_guard lock(mutex_);
  return serial_;
}

boost::json::value ZoneModel::ToJson() const {
  std::lock_guard lock(mutex_);
  boost::json::array records;
  for (const auto& [key, set] : rrsets_) {
    for (const auto& rdata : set.second) {
      records.push_back(
          {{"name", key.first}, {"type", key.second}, {"ttl", set.first}, {"rdata", rdata}});
    }
  }
  return boost::json::object{
      {"zone", origin_}, {"serial", serial_}, {"records", std::move(records)}};
}

}  // namespace slipway::connectors::dns
