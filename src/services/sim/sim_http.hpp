// The simulator's HTTP control interface: fault injection and status as small JSON endpoints
// on the sim's second port. Handlers run on httplib's threads and call SimServer's thread-safe
// methods; they only parse parameters and format answers.
#pragma once

namespace httplib {
class Server;
}

namespace ibtrade::sim {

class SimServer;

// POST /sim/faults/drop, /sim/faults/restart?seconds=N, /sim/faults/status-delay?ms=N,
// /sim/faults/connectivity?ms=N; GET /sim/status.
void mount_fault_routes(httplib::Server& http, SimServer& server);

}  // namespace ibtrade::sim
