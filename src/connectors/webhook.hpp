#pragma once
// The generic JSON webhook implements the Notifier port
// (connectors/notifier.hpp); see connectors/webhook/client.hpp for the payload
// and its signature.
#include "connectors/notifier.hpp"
