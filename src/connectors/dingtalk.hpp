#pragma once
// DingTalk's custom group robot implements the Notifier port
// (connectors/notifier.hpp); see connectors/dingtalk/client.hpp.
#include "connectors/notifier.hpp"
