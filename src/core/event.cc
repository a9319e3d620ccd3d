#include "core/event.h"

#include "core/cameo.h"

namespace entente {
namespace {

template <class To, class From>
BasicActor<To> ConvertActor(const BasicActor<From>& a) {
  return BasicActor<To>{To(a.code),   To(a.name),      To(a.country),   To(a.known_group),
                        To(a.ethnic), To(a.religion1), To(a.religion2), To(a.type1),
                        To(a.type2),  To(a.type3)};
}

template <class To, class From>
BasicEvent<To> Convert(const BasicEvent<From>& e) {
  BasicEvent<To> out;
  out.dataset = To(e.dataset);
  out.id = To(e.id);
  out.date = e.date;
  out.precision = e.precision;
  out.source = ConvertActor<To>(e.source);
  out.target = ConvertActor<To>(e.target);
  out.is_root = e.is_root;
  out.code = To(e.code);
  out.base_code = To(e.base_code);
  out.root_code = To(e.root_code);
  out.quad = e.quad;
  out.goldstein = e.goldstein;
  out.mentions = e.mentions;
  out.sources = e.sources;
  out.articles = e.articles;
  out.tone = e.tone;
  out.geo_country = To(e.geo_country);
  out.geo_name = To(e.geo_name);
  out.lat = e.lat;
  out.lon = e.lon;
  out.date_added = e.date_added;
  out.url = To(e.url);
  out.sector = To(e.sector);
  out.text = To(e.text);
  out.citation = To(e.citation);
  return out;
}

// FNV-1a, 64-bit: stable across runs and machines, which a dedupe key stored on disk must be.
struct Hasher {
  uint64_t h = 1469598103934665603ull;
  void Bytes(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) {
      h ^= b[i];
      h *= 1099511628211ull;
    }
  }
  void Str(std::string_view s) {
    Bytes(s.data(), s.size());
    unsigned char sep = 0x1f;
    Bytes(&sep, 1);
  }
  template <class T>
  void Num(T v) {
    Bytes(&v, sizeof v);
  }
  void Actor(const ActorRow& a) {
    for (std::string_view s : {a.code, a.name, a.country, a.known_group, a.ethnic, a.religion1,
                               a.religion2, a.type1, a.type2, a.type3}) {
      Str(s);
    }
  }
};

}  // namespace

EventRow ViewOf(const Event& e) { return Convert<std::string_view>(e); }
Event ToOwned(const EventRow& row) { return Convert<std::string>(row); }

uint64_t EventKeyHash(const EventRow& e) {
  Hasher h;
  h.Str(e.dataset);
  if (!e.id.empty()) {
    h.Str(e.id);
    return h.h;
  }
  h.Num(e.date);
  h.Num(static_cast<int>(e.precision));
  h.Actor(e.source);
  h.Actor(e.target);
  h.Str(e.code);
  h.Num(e.quad);
  h.Num(e.goldstein);
  h.Num(e.mentions);
  h.Num(e.sources);
  h.Num(e.articles);
  h.Num(e.tone);
  h.Str(e.geo_country);
  h.Str(e.geo_name);
  h.Str(e.url);
  h.Str(e.text);
  return h.h;
}

std::string_view DyadCountry(const ActorRow& a) {
  if (!a.country.empty()) return a.country;
  if (a.code.size() >= 3 && IsCountryCode(a.code.substr(0, 3))) return a.code.substr(0, 3);
  return a.code;
}

void TrimCodes(EventRow* row) {
  for (ActorRow* a : {&row->source, &row->target}) {
    for (std::string_view* f : {&a->code, &a->country, &a->known_group, &a->ethnic, &a->religion1,
                                &a->religion2, &a->type1, &a->type2, &a->type3}) {
      *f = TrimCode(*f);
    }
  }
  row->geo_country = TrimCode(row->geo_country);
}

std::string_view RootOf(std::string_view code) {
  return code.substr(0, code.size() < 2 ? code.size() : 2);
}

int QuadClassOfRoot(std::string_view root) {
  if (root.size() != 2 || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9')
    return 0;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 9) return 2;
  if (r >= 10 && r <= 14) return 3;
  if (r >= 15 && r <= 20) return 4;
  return 0;
}

}  // namespace entente
