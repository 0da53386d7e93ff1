#include "services/sim/sim_http.hpp"

#include <charconv>
#include <optional>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "services/sim/sim_server.hpp"

namespace ibtrade::sim {
namespace {

void reply(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

// A non-negative integer query parameter; `fallback` when absent, nullopt when malformed.
std::optional<long> parameter(const httplib::Request& req, const char* name, long fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

void bad_parameter(httplib::Response& res, const char* name) {
  reply(res, 400,
        {{"error", std::string("parameter '") + name + "' must be a non-negative integer"}});
}

}  // namespace

void mount_fault_routes(httplib::Server& http, SimServer& server) {
  http.Post("/sim/faults/drop", [&server](const httplib::Request&, httplib::Response& res) {
    reply(res, 200, {{"dropped", server.drop_all_connections()}});
  });
  http.Post("/sim/faults/restart", [&server](const httplib::Request& req, httplib::Response& res) {
    auto seconds = parameter(req, "seconds", 60);
    if (!seconds) return bad_parameter(res, "seconds");
    server.refuse_connections_for(std::chrono::seconds(*seconds));
    reply(res, 200, {{"refusing_seconds", *seconds}});
  });
  http.Post("/sim/faults/status-delay",
            [&server](const httplib::Request& req, httplib::Response& res) {
              auto ms = parameter(req, "ms", 0);
              if (!ms) return bad_parameter(res, "ms");
              server.set_status_delay(std::chrono::milliseconds(*ms));
              reply(res, 200, {{"status_delay_ms", *ms}});
            });
  http.Post("/sim/faults/connectivity",
            [&server](const httplib::Request& req, httplib::Response& res) {
              auto ms = parameter(req, "ms", 1000);
              if (!ms) return bad_parameter(res, "ms");
              server.connectivity_lost_for(std::chrono::milliseconds(*ms));
              reply(res, 200, {{"lost_ms", *ms}});
            });
  http.Get("/sim/status", [&server](const httplib::Request&, httplib::Response& res) {
    const SimStatus s = server.status();
    reply(res, 200,
          {{"simulated", true},
           {"account", server.options().account},
           {"clients", s.client_ids},
           {"connections", s.connections},
           {"market_time_ns", s.market_time.time_since_epoch().count()},
           {"refusing_connections", s.refusing_connections},
           {"status_delay_ms",
            std::chrono::duration_cast<std::chrono::milliseconds>(s.status_delay).count()}});
  });
}

}  // namespace ibtrade::sim
