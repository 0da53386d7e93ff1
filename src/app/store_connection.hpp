// The store named by the configuration's [store] section: its URL (without the password) and a
// connection to it. Shared by `ibtrade db` and `ibtrade up`. Main thread, at start.
#pragma once

#include <memory>

#include "adapters/store/database.hpp"
#include "adapters/store/store_url.hpp"
#include "app/config.hpp"

namespace ibtrade::app {

store::StoreUrl configured_store_url(const StoreConfig& config);
// SQLite: creates the file's directory first (a fresh install has no var/ yet).
store::DbResult<std::unique_ptr<store::Database>> connect_configured_store(const Config& config);

}  // namespace ibtrade::app
