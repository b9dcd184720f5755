#include "http/stream_slots.hpp"

#include <gtest/gtest.h>

namespace slipway::http {
namespace {

TEST(StreamSlotsTest, CapsEachUserAndTheServer) {
  StreamSlots slots({.per_user = 2, .total = 3});
  auto a1 = slots.Acquire(1);
  auto a2 = slots.Acquire(1);
  ASSERT_TRUE(a1.ok() && a2.ok());
  auto a3 = slots.Acquire(1);
  ASSERT_FALSE(a3.ok());
  EXPECT_EQ(a3.error().code, core::Code::kTooManyRequests);
  EXPECT_NE(a3.error().message.find("max_streams_per_user"), std::string::npos);

  auto b1 = slots.Acquire(2);
  ASSERT_TRUE(b1.ok());
  auto b2 = slots.Acquire(2);
  ASSERT_FALSE(b2.ok()) << "the server is full";
  EXPECT_NE(b2.error().message.find("server.max_streams"), std::string::npos);
  EXPECT_EQ(slots.open(), 3);
}

TEST(StreamSlotsTest, ADroppedStreamGivesItsSlotBack) {
  StreamSlots slots({.per_user = 1, .total = 10});
  auto slot = slots.Acquire(7);
  ASSERT_TRUE(slot.ok());
  auto held = StreamSlots::Hold(std::move(*slot), std::make_shared<QueueStream>());
  EXPECT_FALSE(slots.Acquire(7).ok());
  held.reset();
  EXPECT_EQ(slots.open(), 0);
  EXPECT_TRUE(slots.Acquire(7).ok());
}

TEST(StreamSlotsTest, TheHoldingStreamDeliversThePieces) {
  StreamSlots slots({});
  auto queue = std::make_shared<QueueStream>();
  queue->Push("one");
  queue->Close();
  auto slot = slots.Acquire(1);
  ASSERT_TRUE(slot.ok());
  auto held = StreamSlots::Hold(std::move(*slot), queue);
  bool done = false;
  EXPECT_EQ(held->Poll(done), "one");
  EXPECT_FALSE(held->Poll(done));
  EXPECT_TRUE(done);
}

}  // namespace
}  // namespace slipway::http
