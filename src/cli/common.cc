#include "cli/common.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "io/chronicle.h"

namespace entente::cli {

void AddFilterOptions(CLI::App* app, FilterOptions* o, bool with_limit,
                      const char* last_date_flag) {
  app->add_option("--actor", o->actors, "Events where either side is this actor (repeatable)");
  app->add_option("--source", o->source, "Events whose source (actor 1) is this actor");
  app->add_option("--target", o->target, "Events whose target (actor 2) is this actor");
  app->add_option("--dyad", o->dyad, "Events between A and B, written A,B or A-B");
  app->add_option("--from", o->from, "First date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
  app->add_option(last_date_flag, o->to, "Last date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive");
  app->add_option("--code", o->code, "CAMEO event code prefix, e.g. 04 or 057");
  app->add_option("--quad", o->quad, "QuadClass 1-4")->check(WholeNumber(1, 4));
  app->add_option("--dataset", o->dataset,
                  "Only this dataset (gdelt1, gdelt2, icews, chronicle, ...)");
  app->add_flag("--directed", o->directed, "With --dyad: A is the source and B the target");
  if (with_limit) app->add_option("--limit", o->limit, "At most N events");
}

CLI::Validator WholeNumber(int64_t lo, int64_t hi) {
  bool open_end = hi == std::numeric_limits<int64_t>::max();
  std::string range =
      open_end ? fmt::format("of {} or more", lo) : fmt::format("from {} to {}", lo, hi);
  auto check = [lo, hi, range](std::string& text) -> std::string {
    int64_t v = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec == std::errc() && ptr == end && v >= lo && v <= hi) return "";
    return fmt::format("{} is not a whole number {}", text, range);
  };
  // The help shows the range after the type: "INT:1 or more", "INT:1 to 64".
  return CLI::Validator(check, range.substr(range.find(' ') + 1));
}

Cell FieldCell(io::FieldValue&& v) {
  switch (v.kind) {
    case io::FieldValue::kNull: return Cell();
    case io::FieldValue::kInt: return Cell(v.i);
    case io::FieldValue::kReal: return Cell(v.d);
    case io::FieldValue::kText: return Cell(std::move(v.s));
  }
  return Cell();
}

std::vector<std::string> EventTableColumns(bool full, bool plover) {
  std::vector<std::string> columns = full ? io::EventColumnsFull() : io::EventColumns();
  if (plover) {
    columns.insert(columns.end(), io::PloverColumns().begin(), io::PloverColumns().end());
  }
  return columns;
}

std::vector<Cell> EventTableCells(const EventRow& e, bool full, bool plover,
                                  std::vector<io::FieldValue>* values) {
  io::EventFieldValues(e, full, values);
  if (plover) io::AppendPloverValues(e.code, values);
  std::vector<Cell> cells;
  cells.reserve(values->size());
  for (io::FieldValue& v : *values) cells.push_back(FieldCell(std::move(v)));
  return cells;
}

void AppendPloverCells(std::string_view cameo_code, std::vector<Cell>* cells) {
  std::vector<io::FieldValue> values;
  io::AppendPloverValues(cameo_code, &values);
  for (io::FieldValue& v : values) cells->push_back(FieldCell(std::move(v)));
}

Result<std::string> NormalizeActor(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return Status::InvalidArgument(fmt::format(
          "bad actor '{}': expected a CAMEO code such as PAK or PAKGOV (letters and digits)",
          text));
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (out.empty()) return Status::InvalidArgument("empty actor code");
  return out;
}

Result<std::pair<std::string, std::string>> ParseDyad(const std::string& text, const char* what) {
  size_t sep = text.find_first_of(",-");
  if (sep == std::string::npos || text.find_first_of(",-", sep + 1) != std::string::npos) {
    return Status::InvalidArgument(
        fmt::format("bad {} '{}': expected A,B or A-B such as PAK,RUS", what, text));
  }
  ASSIGN_OR_RETURN(std::string a, NormalizeActor(text.substr(0, sep)));
  ASSIGN_OR_RETURN(std::string b, NormalizeActor(text.substr(sep + 1)));
  return std::make_pair(a, b);
}

Result<EventFilter> BuildFilter(const FilterOptions& o) {
  EventFilter f;
  for (const std::string& a : o.actors) {
    ASSIGN_OR_RETURN(std::string code, NormalizeActor(a));
    f.actors.push_back(code);
  }
  if (!o.source.empty()) {
    ASSIGN_OR_RETURN(f.source, NormalizeActor(o.source));
  }
  if (!o.target.empty()) {
    ASSIGN_OR_RETURN(f.target, NormalizeActor(o.target));
  }
  if (!o.dyad.empty()) {
    ASSIGN_OR_RETURN(auto dyad, ParseDyad(o.dyad, "--dyad"));
    f.dyad_a = dyad.first;
    f.dyad_b = dyad.second;
  }
  f.directed = o.directed;
  if (!o.from.empty()) {
    ASSIGN_OR_RETURN(DateValue d, ParseDate(o.from));
    f.from = d.days;
  }
  if (!o.to.empty()) {
    ASSIGN_OR_RETURN(Days d, ParseDateRangeEnd(o.to));
    f.to = d;
  }
  if (f.from && f.to && *f.from > *f.to) {
    return Status::InvalidArgument(fmt::format("--from {} is after --to {}", o.from, o.to));
  }
  for (char c : o.code) {
    if (c < '0' || c > '9') {
      return Status::InvalidArgument(
          fmt::format("bad --code '{}': expected digits such as 04 or 057", o.code));
    }
  }
  f.code_prefix = o.code;
  f.quad = o.quad;
  f.dataset = o.dataset;
  f.limit = o.limit;
  return f;
}

std::string ResolveStoreDir(const GlobalOptions& g) {
  if (!g.store.empty()) return g.store;
  if (const char* env = std::getenv("ENTENTE_STORE"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/entente";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/entente";
}

Result<std::unique_ptr<EventSource>> OpenChronicleSource() {
  ASSIGN_OR_RETURN(std::vector<Event> events, io::LoadEmbeddedChronicle());
  return std::unique_ptr<EventSource>(std::make_unique<VectorEventSource>(
      std::string(io::kEmbeddedChronicleName), std::move(events)));
}

bool ShowProgress(const GlobalOptions& g) { return !g.quiet && isatty(STDERR_FILENO); }

}  // namespace entente::cli
