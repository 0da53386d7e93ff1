#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>
#include <variant>

#include <toml.hpp>
#include <unistd.h>  // environ

#include "app/market_calendar.hpp"
#include "core/calendar/us_equity_holidays.hpp"

namespace ibtrade::app {
namespace {

using Value = std::variant<std::string, std::int64_t, bool, std::vector<std::string>>;
enum class Kind { kString, kInt, kBool, kStringList };

// An error text without location; the caller prefixes where the value came from.
using Problem = std::optional<std::string>;

struct Field {
  std::string_view key;  // "section.name"
  Kind kind;
  std::function<Problem(Config&, const Value&)> apply;
  std::function<std::string(const Config&)> show;  // as a TOML value
  bool secret = false;  // accepted from the environment only (or via a *_file key)
};

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + quoted(items[i]);
  return out + "]";
}

const std::string& as_string(const Value& v) {
  return std::get<std::string>(v);
}
std::int64_t as_int(const Value& v) {
  return std::get<std::int64_t>(v);
}

template <class Section>
Field text(std::string_view key, Section Config::*section, std::string Section::*member) {
  return Field{key, Kind::kString,
               [=](Config& c, const Value& v) -> Problem {
                 (c.*section).*member = as_string(v);
                 return std::nullopt;
               },
               [=](const Config& c) { return quoted((c.*section).*member); }};
}

template <class Section>
Field integer(std::string_view key, Section Config::*section, std::int64_t Section::*member,
              std::int64_t min, std::int64_t max) {
  return Field{key, Kind::kInt,
               [=](Config& c, const Value& v) -> Problem {
                 const std::int64_t n = as_int(v);
                 if (n < min || n > max) {
                   return "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                          ", got " + std::to_string(n);
                 }
                 (c.*section).*member = n;
                 return std::nullopt;
               },
               [=](const Config& c) { return std::to_string((c.*section).*member); }};
}

template <class Section>
Field boolean(std::string_view key, Section Config::*section, bool Section::*member) {
  return Field{
      key, Kind::kBool,
      [=](Config& c, const Value& v) -> Problem {
        (c.*section).*member = std::get<bool>(v);
        return std::nullopt;
      },
      [=](const Config& c) { return std::string((c.*section).*member ? "true" : "false"); }};
}

// A string restricted to named choices, stored as an enum.
template <class Section, class E>
Field choice(std::string_view key, Section Config::*section, E Section::*member,
             std::vector<std::pair<std::string, E>> choices) {
  return Field{key, Kind::kString,
               [=](Config& c, const Value& v) -> Problem {
                 for (const auto& [name, value] : choices) {
                   if (name == as_string(v)) {
                     (c.*section).*member = value;
                     return std::nullopt;
                   }
                 }
                 std::string names;
                 for (const auto& [name, value] : choices)
                   names += (names.empty() ? "" : ", ") + name;
                 return "must be one of " + names + ", got " + quoted(as_string(v));
               },
               [=](const Config& c) {
                 for (const auto& [name, value] : choices) {
                   if (value == (c.*section).*member) return quoted(name);
                 }
                 return std::string("\"?\"");
               }};
}

Problem check_iso_dates(const std::vector<std::string>& dates) {
  for (const auto& d : dates) {
    if (!parse_iso_date(d).ok()) return "expects dates as \"YYYY-MM-DD\", got " + quoted(d);
  }
  return std::nullopt;
}

Field date_list(std::string_view key, std::vector<std::string> CalendarConfig::*member) {
  return Field{key, Kind::kStringList,
               [=](Config& c, const Value& v) -> Problem {
                 const auto& dates = std::get<std::vector<std::string>>(v);
                 if (auto problem = check_iso_dates(dates)) return problem;
                 c.calendar.*member = dates;
                 return std::nullopt;
               },
               [=](const Config& c) { return list_text(c.calendar.*member); }};
}

Problem read_secret_file(const std::string& path, Secret& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read secret file " + quoted(path);
  std::string value((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r'))
    value.pop_back();
  if (value.empty()) return "secret file " + quoted(path) + " is empty";
  out = Secret(std::move(value));
  return std::nullopt;
}

const std::vector<Field>& fields() {
  static const std::vector<Field> all = [] {
    std::vector<Field> f;
    f.push_back(Field{"log.level", Kind::kString,
                      [](Config& c, const Value& v) -> Problem {
                        static const std::vector<std::string> levels{
                            "trace", "debug", "info", "warn", "error", "critical", "off"};
                        if (std::find(levels.begin(), levels.end(), as_string(v)) == levels.end()) {
                          return "must be one of trace, debug, info, warn, error, critical, off, "
                                 "got " +
                                 quoted(as_string(v));
                        }
                        c.log.level = as_string(v);
                        return std::nullopt;
                      },
                      [](const Config& c) { return quoted(c.log.level); }});
    f.push_back(choice("log.format", &Config::log, &LogConfig::format,
                       {{"human", LogFormat::kHuman}, {"json", LogFormat::kJson}}));
    f.push_back(choice("trading.mode", &Config::trading, &TradingConfig::mode,
                       {{"paper", TradingMode::kPaper}, {"live", TradingMode::kLive}}));
    f.push_back(text("trading.account", &Config::trading, &TradingConfig::account));
    f.push_back(text("tws.host", &Config::tws, &TwsConfig::host));
    f.push_back(integer("tws.port", &Config::tws, &TwsConfig::port, 1, 65535));
    f.push_back(integer("tws.client_id", &Config::tws, &TwsConfig::client_id, 0, 2147483647));
    f.push_back(boolean("sim.enabled", &Config::sim, &SimConfig::enabled));
    f.push_back(integer("sim.http_port", &Config::sim, &SimConfig::http_port, 1, 65535));
    f.push_back(integer("sim.seed", &Config::sim, &SimConfig::seed, 0,
                        std::numeric_limits<std::int64_t>::max()));
    f.push_back(integer("sim.symbols", &Config::sim, &SimConfig::symbols, 1, 5000));
    f.push_back(integer("sim.speed", &Config::sim, &SimConfig::speed, 1, 100000));
    f.push_back(Field{"sim.from", Kind::kString,
                      [](Config& c, const Value& v) -> Problem {
                        if (!as_string(v).empty() && !parse_iso_date(as_string(v)).ok()) {
                          return "expects \"YYYY-MM-DD\" or \"\" (the most recent trading day), "
                                 "got " +
                                 quoted(as_string(v));
                        }
                        c.sim.from = as_string(v);
                        return std::nullopt;
                      },
                      [](const Config& c) { return quoted(c.sim.from); }});
    f.push_back(Field{"sim.account", Kind::kString,
                      [](Config& c, const Value& v) -> Problem {
                        const std::string& a = as_string(v);
                        if (a.empty() || a.find_first_of(" ,;\t") != std::string::npos) {
                          return "must be one account id without spaces or commas (e.g. "
                                 "\"DU1234567\"), got " +
                                 quoted(a);
                        }
                        c.sim.account = a;
                        return std::nullopt;
                      },
                      [](const Config& c) { return quoted(c.sim.account); }});
    f.push_back(choice("store.backend", &Config::store, &StoreConfig::backend,
                       {{"sqlite", StoreBackend::kSqlite}, {"mysql", StoreBackend::kMysql}}));
    f.push_back(text("store.sqlite_path", &Config::store, &StoreConfig::sqlite_path));
    f.push_back(text("store.mysql_host", &Config::store, &StoreConfig::mysql_host));
    f.push_back(integer("store.mysql_port", &Config::store, &StoreConfig::mysql_port, 1, 65535));
    f.push_back(text("store.mysql_user", &Config::store, &StoreConfig::mysql_user));
    f.push_back(text("store.mysql_database", &Config::store, &StoreConfig::mysql_database));
    f.push_back(Field{"store.mysql_password", Kind::kString,
                      [](Config& c, const Value& v) -> Problem {
                        c.store.mysql_password = Secret(as_string(v));
                        return std::nullopt;
                      },
                      [](const Config& c) { return quoted(c.store.mysql_password.redacted()); },
                      /*secret=*/true});
    f.push_back(Field{"store.mysql_password_file", Kind::kString,
                      [](Config& c, const Value& v) -> Problem {
                        return read_secret_file(as_string(v), c.store.mysql_password);
                      },
                      [](const Config&) { return std::string("\"(see store.mysql_password)\""); }});
    f.push_back(date_list("calendar.extra_closures", &CalendarConfig::extra_closures));
    f.push_back(date_list("calendar.extra_early_closes", &CalendarConfig::extra_early_closes));
    return f;
  }();
  return all;
}

const Field* find_field(std::string_view key) {
  for (const auto& field : fields()) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

std::string known_keys_of(std::string_view section) {
  std::string out;
  for (const auto& field : fields()) {
    const auto dot = field.key.find('.');
    if (field.key.substr(0, dot) == section) {
      out += (out.empty() ? "" : ", ") + std::string(field.key.substr(dot + 1));
    }
  }
  return out;
}

std::string known_sections() {
  std::string out;
  std::string last;
  for (const auto& field : fields()) {
    std::string section(field.key.substr(0, field.key.find('.')));
    if (section != last) out += (out.empty() ? "" : ", ") + section;
    last = section;
  }
  return out;
}

std::string kind_name(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return "a string";
    case Kind::kInt:
      return "an integer";
    case Kind::kBool:
      return "a boolean (true or false)";
    case Kind::kStringList:
      return "an array of strings";
  }
  return "?";
}

std::string toml_type_name(const toml::value& v) {
  switch (v.type()) {
    case toml::value_t::string:
      return "a string";
    case toml::value_t::integer:
      return "an integer";
    case toml::value_t::floating:
      return "a float";
    case toml::value_t::boolean:
      return "a boolean";
    case toml::value_t::array:
      return "an array";
    case toml::value_t::table:
      return "a table";
    default:
      return "a date/time";
  }
}

std::optional<Value> from_toml(const toml::value& v, Kind kind) {
  switch (kind) {
    case Kind::kString:
      if (v.is_string()) return Value{v.as_string().str};
      break;
    case Kind::kInt:
      if (v.is_integer()) return Value{static_cast<std::int64_t>(v.as_integer())};
      break;
    case Kind::kBool:
      if (v.is_boolean()) return Value{v.as_boolean()};
      break;
    case Kind::kStringList:
      if (v.is_array()) {
        std::vector<std::string> items;
        for (const auto& item : v.as_array()) {
          if (!item.is_string()) return std::nullopt;
          items.push_back(item.as_string().str);
        }
        return Value{std::move(items)};
      }
      break;
  }
  return std::nullopt;
}

// Text from the environment or --set, read as the field's kind.
std::optional<Value> from_text(const std::string& text, Kind kind) {
  switch (kind) {
    case Kind::kString:
      return Value{text};
    case Kind::kInt: {
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
      return Value{n};
    }
    case Kind::kBool:
      if (text == "true" || text == "1" || text == "yes") return Value{true};
      if (text == "false" || text == "0" || text == "no") return Value{false};
      return std::nullopt;
    case Kind::kStringList: {
      std::vector<std::string> items;
      std::string item;
      std::istringstream in(text);
      while (std::getline(in, item, ',')) {
        if (!item.empty()) items.push_back(item);
      }
      return Value{std::move(items)};
    }
  }
  return std::nullopt;
}

struct Problems {
  std::vector<std::pair<std::size_t, std::string>> items;  // (order key, text)
  void add(std::size_t order, std::string text) { items.emplace_back(order, std::move(text)); }
  bool empty() const { return items.empty(); }
  Error error() {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string message;
    for (const auto& [order, text] : items)
      message += (message.empty() ? "" : "\n") + text;
    return Error{message};
  }
};

std::string env_name_of(std::string_view key) {
  std::string env = "IBTRADE_";
  for (char c : key) {
    if (c == '.') {
      env += "__";
    } else {
      env += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return env;
}

void apply_toml(const toml::value& root, const std::string& source, Config& config,
                Problems& problems) {
  if (!root.is_table()) return;
  for (const auto& [section, table] : root.as_table()) {
    const std::size_t section_line = table.location().line();
    const std::string where = source + ":" + std::to_string(section_line);
    if (!table.is_table()) {
      problems.add(section_line, where + ": unknown key '" + section +
                                     "' (settings live in sections: " + known_sections() + ")");
      continue;
    }
    if (known_keys_of(section).empty()) {
      problems.add(section_line, where + ": unknown section [" + section +
                                     "] (known sections: " + known_sections() + ")");
      continue;
    }
    for (const auto& [name, value] : table.as_table()) {
      const std::string key = section + "." + name;
      const std::size_t line = value.location().line();
      const std::string at = source + ":" + std::to_string(line) + ": key '" + key + "'";
      const Field* field = find_field(key);
      if (field == nullptr) {
        problems.add(line, source + ":" + std::to_string(line) + ": unknown key '" + key +
                               "' (known keys in [" + section + "]: " + known_keys_of(section) +
                               ")");
        continue;
      }
      if (field->secret) {
        problems.add(line, at + " is a secret and is not read from config files; set " +
                               env_name_of(key) + " or " + key + "_file");
        continue;
      }
      auto converted = from_toml(value, field->kind);
      if (!converted) {
        problems.add(
            line, at + " must be " + kind_name(field->kind) + ", found " + toml_type_name(value));
        continue;
      }
      if (auto problem = field->apply(config, *converted)) {
        problems.add(line, at + " " + *problem);
        continue;
      }
      config.origin[key] = source + ":" + std::to_string(line);
    }
  }
}

void apply_text(const std::string& key, const std::string& text, const std::string& where,
                bool allow_secret, std::size_t order, Config& config, Problems& problems) {
  const Field* field = find_field(key);
  if (field == nullptr) {
    problems.add(order, where + ": unknown key '" + key + "'");
    return;
  }
  if (field->secret && !allow_secret) {
    problems.add(order, where + ": key '" + key + "' is a secret; set it with " + env_name_of(key) +
                            " or " + key + "_file, not on the command line");
    return;
  }
  auto converted = from_text(text, field->kind);
  if (!converted) {
    problems.add(order, where + ": key '" + key + "' must be " + kind_name(field->kind) +
                            (field->secret ? "" : ", got " + quoted(text)));
    return;
  }
  if (auto problem = field->apply(config, *converted)) {
    problems.add(order, where + ": key '" + key + "' " + *problem);
    return;
  }
  config.origin[key] = where;
}

void apply_environment(const Environment& env, Config& config, Problems& problems) {
  std::size_t order = 1'000'000;  // after file problems, in variable order
  for (const auto& [name, value] : env) {
    if (name.rfind("IBTRADE_", 0) != 0) continue;
    const std::string rest = name.substr(8);
    const auto sep = rest.find("__");
    std::string key;
    if (sep != std::string::npos) {
      key = rest.substr(0, sep) + "." + rest.substr(sep + 2);
      std::transform(key.begin(), key.end(), key.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
    if (key.empty() || find_field(key) == nullptr) {
      problems.add(order++, "environment variable " + name +
                                ": no such setting (expected IBTRADE_SECTION__KEY for one of "
                                "the keys in docs/configuration.md)");
      continue;
    }
    apply_text(key, value, "environment variable " + name, /*allow_secret=*/true, order++, config,
               problems);
  }
}

void apply_overrides(const std::vector<std::string>& overrides, Config& config,
                     Problems& problems) {
  std::size_t order = 2'000'000;
  for (const auto& item : overrides) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      problems.add(order++, "--set " + quoted(item) + ": expected section.key=value");
      continue;
    }
    apply_text(item.substr(0, eq), item.substr(eq + 1), "--set " + item.substr(0, eq), false,
               order++, config, problems);
  }
}

void validate(const Config& config, Problems& problems) {
  // Calendar overrides must make sense against the built-in table (not a weekend, in range).
  if (auto calendar = make_market_calendar(config.calendar); !calendar.ok()) {
    problems.add(2'999'999, calendar.error().message);
  }
  if (config.trading.mode == TradingMode::kLive) {
    if (config.trading.account.empty()) {
      problems.add(3'000'000,
                   "trading.mode = \"live\" requires trading.account, the account id the broker "
                   "must report (a safety check against trading the wrong account)");
    }
    if (config.sim.enabled) {
      problems.add(3'000'001,
                   "trading.mode = \"live\" cannot run against the simulator: set sim.enabled = "
                   "false and point tws.host/tws.port at IB Gateway or TWS");
    }
  }
}

Result<Config> finish(Config config, Problems problems, const Environment& env,
                      const std::vector<std::string>& overrides) {
  apply_environment(env, config, problems);
  apply_overrides(overrides, config, problems);
  if (problems.empty()) validate(config, problems);
  if (!problems.empty()) return problems.error();
  return config;
}

// TOML text must be UTF-8 without control characters other than tab, line feed and carriage
// return. Checked before the parser sees it: toml11 reads past the end of its buffer on a
// multi-byte sequence cut off at the end of the text (found by config_fuzz).
std::optional<std::string> check_toml_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
        return "control character " + std::to_string(byte) + " at byte " + std::to_string(i) +
               " (TOML allows only tab, line feed and carriage return)";
      }
      if (byte == 0x7F) return "control character 127 at byte " + std::to_string(i);
      ++i;
      continue;
    }
    const std::size_t length = (byte & 0xE0U) == 0xC0U   ? 2
                               : (byte & 0xF0U) == 0xE0U ? 3
                               : (byte & 0xF8U) == 0xF0U ? 4
                                                         : 0;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
    }
    if (!valid) return "not valid UTF-8 at byte " + std::to_string(i);
    i += length;
  }
  return std::nullopt;
}

Result<Config> load_parsed(const std::function<toml::value()>& parse, const std::string& source,
                           const Environment& env, const std::vector<std::string>& overrides) {
  Config config;
  Problems problems;
  try {
    const toml::value root = parse();
    apply_toml(root, source, config, problems);
  } catch (const toml::syntax_error& e) {
    return Error{source + ": TOML syntax error: " + e.what()};
  } catch (const std::exception& e) {
    return Error{source + ": " + e.what()};
  }
  return finish(std::move(config), std::move(problems), env, overrides);
}

}  // namespace

Environment read_environment() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (text.rfind("IBTRADE_", 0) != 0) continue;
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

Result<Config> load_config(const std::string& path, const Environment& env,
                           const std::vector<std::string>& overrides) {
  if (path.empty()) return finish(Config{}, Problems{}, env, overrides);
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{path + ": cannot open the config file"};
  std::ostringstream content;
  content << file.rdbuf();
  return load_config_from_string(content.str(), path, env, overrides);
}

Result<Config> load_config_from_string(const std::string& toml_text, const std::string& source_name,
                                       const Environment& env,
                                       const std::vector<std::string>& overrides) {
  if (auto problem = check_toml_text(toml_text)) return Error{source_name + ": " + *problem};
  return load_parsed(
      [&] {
        std::istringstream in(toml_text);
        return toml::parse(in, source_name);
      },
      source_name, env, overrides);
}

std::string describe(const Config& config) {
  std::string out;
  std::string last_section;
  for (const auto& field : fields()) {
    const std::string section(field.key.substr(0, field.key.find('.')));
    if (section != last_section) {
      out += (out.empty() ? "[" : "\n[") + section + "]\n";
      last_section = section;
    }
    if (field.key.ends_with("_file")) continue;  // shown through the secret it fills
    const std::string key(field.key);
    auto origin = config.origin.find(key);
    if (field.secret && origin == config.origin.end()) {
      origin = config.origin.find(key + "_file");
    }
    // A secret is shown as a comment: it could not be loaded back from a file anyway.
    out += std::string(field.secret ? "# " : "") + key.substr(section.size() + 1) + " = " +
           field.show(config) + "  # " +
           (origin == config.origin.end() ? "default" : origin->second) + "\n";
  }
  return out;
}

std::string to_string(TradingMode mode) {
  return mode == TradingMode::kLive ? "live" : "paper";
}
std::string to_string(LogFormat format) {
  return format == LogFormat::kJson ? "json" : "human";
}
std::string to_string(StoreBackend backend) {
  return backend == StoreBackend::kMysql ? "mysql" : "sqlite";
}

}  // namespace ibtrade::app
