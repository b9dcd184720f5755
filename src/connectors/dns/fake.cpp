#include "connectors/dns/fake.hpp"

#include <algorithm>

#include "connectors/dns/plan.hpp"

namespace slipway::connectors::dns {

namespace {
core::Status Run(ZoneModel& model, const DnsRecord* record, const UpdatePlan& plan,
                 const std::string& what) {
  if (record) {
    if (auto ok = CheckRecord(*record, model.origin()); !ok.ok()) return ok.error();
  }
  int rc = model.Apply(plan.prereqs, plan.updates);
  if (rc != kNoError) return RcodeError(rc, what);
  return core::Ok{};
}
std::string What(std::string_view verb, const DnsRecord& r) {
  return std::string(verb) + " " + CanonicalName(r.name) + " " + std::string(DnsTypeName(r.type));
}
}  // namespace

FakeDnsZone::FakeDnsZone(std::string zone) : model_(std::move(zone)) {}

std::optional<core::Error> FakeDnsZone::Enter(const std::string& operation, std::string_view name) {
  std::lock_guard lock(mutex_);
  calls_.push_back(operation + " " + std::string(name));
  auto it = failures_.find(operation);
  if (it == failures_.end() || it->second.empty()) return std::nullopt;
  auto error = std::move(it->second.front());
  it->second.pop_front();
  return error;
}

void FakeDnsZone::FailNext(const std::string& operation, core::Error error) {
  std::lock_guard lock(mutex_);
  failures_[operation].push_back(std::move(error));
}

std::vector<std::string> FakeDnsZone::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

core::Status FakeDnsZone::Add(const DnsRecord& record) {
  if (auto e = Enter("Add", record.name)) return *e;
  return Run(model_, &record, PlanAdd(record), What("adding", record));
}

core::Status FakeDnsZone::Create(const DnsRecord& record) {
  if (auto e = Enter("Create", record.name)) return *e;
  return Run(model_, &record, PlanCreate(record), What("creating", record));
}

core::Status FakeDnsZone::Replace(const DnsRecord& record) {
  if (auto e = Enter("Replace", record.name)) return *e;
  return Run(model_, &record, PlanReplace(record), What("replacing", record));
}

core::Status FakeDnsZone::Delete(std::string_view name, DnsType type) {
  if (auto e = Enter("Delete", name)) return *e;
  DnsRecord probe{std::string(name), DnsType::kA, "127.0.0.1", 0};
  if (auto ok = CheckRecord(probe, model_.origin()); !ok.ok()) return ok.error();
  return Run(model_, nullptr, PlanDelete(std::string(name), type), "deleting " + std::string(name));
}

core::Result<std::vector<DnsRecord>> FakeDnsZone::Query(std::string_view name, DnsType type) {
  if (auto e = Enter("Query", name)) return *e;
  if (!model_.InZone(name))
    return core::Invalid("dns: " + CanonicalName(name) + " is outside the zone " + zone());
  std::vector<DnsRecord> out;
  for (const auto& rr : model_.Lookup(name, TypeCode(type)))
    out.push_back({rr.name, type, rr.rdata, rr.ttl});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
  return out;
}

}  // namespace slipway::connectors::dns
