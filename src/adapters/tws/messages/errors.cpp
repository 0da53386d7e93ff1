#include "adapters/tws/messages/errors.hpp"

namespace ibtrade::tws {

void write_fields(FieldWriter& w, const ErrMsg& m, const Capabilities& caps) {
  // Version 2: stoqey treats version 1 as a legacy text-only error.
  w.integer(2).integer(m.id).integer(m.code).string(m.message);
  if (caps.advanced_order_reject) w.string(m.advanced_order_reject_json);
}

void read_fields(FieldReader& r, ErrMsg& m, const Capabilities& caps) {
  r.version("version", 2);  // version 1 carried only the text
  m.id = r.int32("id");
  m.code = r.int32("errorCode");
  m.message = r.string("errorString");
  if (caps.advanced_order_reject)
    m.advanced_order_reject_json = r.string("advancedOrderRejectJson");
}

}  // namespace ibtrade::tws
