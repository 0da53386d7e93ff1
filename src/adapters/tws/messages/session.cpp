#include "adapters/tws/messages/session.hpp"

namespace ibtrade::tws {

// Message versions are read and ignored where the layout does not depend on them: clients differ
// in the number they send, and the fields are the same.

void write_fields(FieldWriter& w, const StartApi& m, const Capabilities&) {
  w.integer(2).integer(m.client_id).string(m.optional_capabilities);
}
void read_fields(FieldReader& r, StartApi& m, const Capabilities&) {
  r.version("version", 2);  // version 1 had no optionalCapabilities
  m.client_id = r.int32("clientId");
  m.optional_capabilities = r.string("optionalCapabilities");
}

void write_fields(FieldWriter& w, const ReqIds& m, const Capabilities&) {
  w.integer(1).integer(m.num_ids);
}
void read_fields(FieldReader& r, ReqIds& m, const Capabilities&) {
  r.skip("version");
  m.num_ids = r.int32("numIds");
}

void write_fields(FieldWriter& w, const NextValidId& m, const Capabilities&) {
  w.integer(1).integer(m.order_id);
}
void read_fields(FieldReader& r, NextValidId& m, const Capabilities&) {
  r.skip("version");
  m.order_id = r.int32("orderId");
}

void write_fields(FieldWriter& w, const ReqCurrentTime&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqCurrentTime&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const CurrentTime& m, const Capabilities&) {
  w.integer(1).integer(m.epoch_seconds);
}
void read_fields(FieldReader& r, CurrentTime& m, const Capabilities&) {
  r.skip("version");
  m.epoch_seconds = r.int64("time");
}

void write_fields(FieldWriter& w, const ReqManagedAccts&, const Capabilities&) {
  w.integer(1);
}
void read_fields(FieldReader& r, ReqManagedAccts&, const Capabilities&) {
  r.skip("version");
}

void write_fields(FieldWriter& w, const ManagedAccts& m, const Capabilities&) {
  std::string list;
  for (const auto& account : m.accounts) {
    if (!list.empty()) list += ',';
    list += account;
  }
  w.integer(1).string(list);
}
void read_fields(FieldReader& r, ManagedAccts& m, const Capabilities&) {
  r.skip("version");
  const std::string list = r.string("accountsList");
  std::string_view rest(list);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    if (!name.empty()) m.accounts.emplace_back(name);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
}

}  // namespace ibtrade::tws
