#include "services/sim_nasdaq/nasdaq_routes.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "core/calendar/us_equity_holidays.hpp"

namespace ibtrade::services::sim_nasdaq {
namespace {

using nlohmann::json;

void send_json(httplib::Response& response, int status, const json& body) {
  response.status = status;
  // What api.nasdaq.com sends: JSON in UTF-8, never cached.
  response.set_header("Cache-Control", "max-age=0, no-cache, no-store");
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, const std::string& message) {
  send_json(response, 400, request_error(message));
}

// Nasdaq tickers: letters first, then letters, digits and class dots ("MOG.B"), any case.
bool is_ticker(std::string_view text) {
  if (text.empty() || text.size() > 10 || !std::isalpha(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.';
  });
}

// A handler for /api/<kind>/{SYM}/<endpoint>: validates the symbol, then builds the body.
template <class Build>
httplib::Server::Handler symbol_handler(Build build) {
  return [build = std::move(build)](const httplib::Request& request, httplib::Response& response) {
    const std::string symbol = request.matches[1];
    if (!is_ticker(symbol)) {
      send_error(response,
                 "symbol must be 1-10 letters, digits or dots starting with a letter, "
                 "got '" +
                     symbol + "'");
      return;
    }
    send_json(response, 200, build(symbol));
  };
}

}  // namespace

void mount_nasdaq_routes(httplib::Server& server, const engine::market::SyntheticMarket& market,
                         const NowFunction& now, NasdaqOptions options) {
  server.Get("/api/calendar/earnings",
             [&market, now, options](const httplib::Request& request, httplib::Response& response) {
               if (!request.has_param("date")) {
                 send_error(response, "the date parameter is required: ?date=YYYY-MM-DD");
                 return;
               }
               const auto day = parse_iso_date(request.get_param_value("date"));
               if (!day) {
                 send_error(response, "date: " + day.error().message);
                 return;
               }
               send_json(response, 200, calendar_page(market, *day, now(), options));
             });
  server.Get(R"(/api/company/([^/]+)/earnings-surprise)",
             symbol_handler([&market, now, options](const std::string& symbol) {
               return earnings_surprise(market, symbol, now(), options);
             }));
  server.Get(R"(/api/analyst/([^/]+)/earnings-forecast)",
             symbol_handler([&market, now, options](const std::string& symbol) {
               return earnings_forecast(market, symbol, now(), options);
             }));
  server.Get(R"(/api/analyst/([^/]+)/earnings-date)",
             symbol_handler([&market, now](const std::string& symbol) {
               return earnings_date(market, symbol, now());
             }));
}

}  // namespace ibtrade::services::sim_nasdaq
