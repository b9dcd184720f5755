#include "connectors/kubernetes/model/work_queue.hpp"

#include <gtest/gtest.h>

#include "connectors/kubernetes/model/owner_index.hpp"

namespace slipway::connectors::kube::model {
namespace {

namespace json = boost::json;

const ResourceType& Type(const char* plural) { return *ResourceByPlural(plural); }

StoreEvent Event(const char* type, const char* plural, const char* name, json::array owners = {},
                 bool deleting = false) {
  json::object meta{{"namespace", "test"}, {"name", name}, {"uid", std::string(name) + "-uid"}};
  if (!owners.empty()) meta["ownerReferences"] = std::move(owners);
  if (deleting) meta["deletionTimestamp"] = "2026-12-07T00:00:00Z";
  return StoreEvent{type, &Type(plural), 1, json::object{{"metadata", std::move(meta)}}};
}

json::array ControlledBy(const char* kind, const char* name) {
  return {json::object{
      {"kind", kind}, {"name", name}, {"uid", std::string(name) + "-uid"}, {"controller", true}}};
}

std::set<ObjectKey> Keys(std::initializer_list<const char*> names) {
  std::set<ObjectKey> out;
  for (const char* n : names) out.emplace("test", n);
  return out;
}

WorkQueue Drained() {
  WorkQueue q;
  EXPECT_TRUE(q.TakeEverything()) << "a new queue asks for everything once";
  EXPECT_TRUE(q.empty());
  return q;
}

TEST(WorkQueueTest, APodQueuesItselfForTheKubeletAndItsReplicaSet) {
  auto q = Drained();
  q.Add(Event("MODIFIED", "pods", "web-1-abcde", ControlledBy("ReplicaSet", "web-1")));
  EXPECT_EQ(q.TakePods(), Keys({"web-1-abcde"}));
  EXPECT_EQ(q.TakeReplicaSets(), Keys({"web-1"}));
  EXPECT_TRUE(q.TakeDeployments().empty());
  EXPECT_FALSE(q.TakeGarbage());
  EXPECT_TRUE(q.empty());
}

TEST(WorkQueueTest, AReplicaSetQueuesItselfAndItsDeployment) {
  auto q = Drained();
  q.Add(Event("MODIFIED", "replicasets", "web-1", ControlledBy("Deployment", "web")));
  EXPECT_TRUE(q.HasOwners());
  EXPECT_EQ(q.TakeReplicaSets(), Keys({"web-1"}));
  EXPECT_EQ(q.TakeDeployments(), Keys({"web"}));
  EXPECT_FALSE(q.HasOwners());
}

TEST(WorkQueueTest, AnOwnerDeletedOrBeingDeletedIsGarbageCollectorWork) {
  auto q = Drained();
  q.Add(Event("DELETED", "pods", "web-1-abcde", ControlledBy("ReplicaSet", "web-1")));
  EXPECT_FALSE(q.TakeGarbage()) << "pods own nothing";
  EXPECT_TRUE(q.TakePods().empty()) << "a deleted pod needs no kubelet";
  q.Add(Event("DELETED", "replicasets", "web-1"));
  EXPECT_TRUE(q.TakeGarbage());
  q.Add(Event("MODIFIED", "deployments", "web", {}, true));
  EXPECT_TRUE(q.TakeGarbage());
  q.Add(Event("MODIFIED", "deployments", "web"));
  EXPECT_FALSE(q.TakeGarbage());
}

TEST(WorkQueueTest, OtherKindsQueueNothing) {
  auto q = Drained();
  q.Add(Event("ADDED", "configmaps", "settings"));
  q.Add(Event("ADDED", "services", "web"));
  EXPECT_TRUE(q.empty());
}

TEST(WorkQueueTest, AddAfterQueuesAtItsTimeAndTheEarliestTimeWins) {
  auto q = Drained();
  EXPECT_EQ(q.NextDelayed(), kNever);
  q.AddAfter(Type("deployments"), {"test", "web"}, 5'000);
  q.AddAfter(Type("deployments"), {"test", "web"}, 3'000);
  q.AddAfter(Type("replicasets"), {"test", "web-1"}, 4'000);
  EXPECT_EQ(q.NextDelayed(), 3'000);
  EXPECT_TRUE(q.empty()) << "waiting entries are not work yet";
  q.QueueDue(2'999);
  EXPECT_TRUE(q.empty());
  q.QueueDue(3'000);
  EXPECT_EQ(q.TakeDeployments(), Keys({"web"}));
  EXPECT_TRUE(q.TakeReplicaSets().empty());
  EXPECT_EQ(q.NextDelayed(), 4'000);
  q.QueueDue(10'000);
  EXPECT_EQ(q.TakeReplicaSets(), Keys({"web-1"}));
  EXPECT_EQ(q.NextDelayed(), kNever);
}

TEST(OwnerIndexTest, FollowsAnObjectsControllerThroughChangesAndDeletion) {
  OwnerIndex index;
  const auto& pods = Type("pods");
  index.Add(Event("ADDED", "pods", "p1", ControlledBy("ReplicaSet", "a")));
  index.Add(Event("ADDED", "pods", "p2", ControlledBy("ReplicaSet", "a")));
  index.Add(Event("ADDED", "pods", "bare"));
  EXPECT_EQ(index.Dependents(pods, "a-uid"), Keys({"p1", "p2"}));
  index.Add(Event("MODIFIED", "pods", "p2", ControlledBy("ReplicaSet", "b")));  // adopted
  EXPECT_EQ(index.Dependents(pods, "a-uid"), Keys({"p1"}));
  EXPECT_EQ(index.Dependents(pods, "b-uid"), Keys({"p2"}));
  index.Add(Event("MODIFIED", "pods", "p1"));  // orphaned
  EXPECT_TRUE(index.Dependents(pods, "a-uid").empty());
  index.Add(Event("DELETED", "pods", "p2", ControlledBy("ReplicaSet", "b")));
  EXPECT_TRUE(index.Dependents(pods, "b-uid").empty());
  EXPECT_TRUE(index.Dependents(Type("replicasets"), "a-uid").empty());
}

}  // namespace
}  // namespace slipway::connectors::kube::model
