#include "adapters/tws/capabilities.hpp"

#include <string>

namespace ibtrade::tws {

Result<Capabilities> capabilities_for(int server_version) {
  if (server_version < kMinSupportedVersion || server_version > kMaxSupportedVersion) {
    return make_error("TWS server version " + std::to_string(server_version) +
                      " is not supported (this adapter speaks " +
                      std::to_string(kMinSupportedVersion) + " to " +
                      std::to_string(kMaxSupportedVersion) + ")");
  }
  return Capabilities::at(server_version);
}

}  // namespace ibtrade::tws
