// Opens the store named by a URL and brings its schema up to date. The MySQL password comes
// from IBTRADE_STORE__MYSQL_PASSWORD (or is passed in), never from the URL. No threading rule.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/store/database.hpp"
#include "adapters/store/store_url.hpp"

namespace ibtrade::store {

// Connects without migrating (`ibtrade db status` must not change the schema).
// `password` overrides the environment variable when set.
DbResult<std::unique_ptr<Database>> connect(const StoreUrl& url,
                                            std::optional<std::string> password = std::nullopt);
DbResult<std::unique_ptr<Database>> connect(std::string_view url);

// Connects and applies every pending migration: what a service calls at start.
DbResult<std::unique_ptr<Database>> open_store(std::string_view url);

}  // namespace ibtrade::store
