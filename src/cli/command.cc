#include "cli/command.h"

#include <algorithm>

namespace entente::cli {

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> kCommands = {
      {"ingest",
       "Read event files (GDELT 1/2, ICEWS, Phoenix, JSONL; plain, .gz, .zip) into the store",
       MakeIngestCommand},
      {"info", "What the store holds: events, dates, datasets, dyads, bytes", MakeInfoCommand},
      {"compact", "Merge the store's segments into a few by dyad range (faster dyad queries)",
       MakeCompactCommand},
      {"recover", "Rebuild a lost or damaged MANIFEST from the store's intact segments",
       MakeRecoverCommand},
      {"events", "List events from the store or straight from files, with filters",
       MakeEventsCommand},
      {"export", "Write events as .csv, .tsv, .jsonl or .sqlite", MakeExportCommand},
      {"dyad", "Time series of a dyad per period", MakeDyadCommand},
      {"sectors", "A dyad's events per sector (energy, defence, trade, ...) per period",
       MakeSectorsCommand},
      {"phases", "Phases of a relation and the turning points between them", MakePhasesCommand},
      {"compare", "Several dyads side by side, with correlation and lead/lag", MakeCompareCommand},
      {"key-events", "The events that matter most in a dyad", MakeKeyEventsCommand},
      {"scan", "Dyads of states ranked by change between two windows", MakeScanCommand},
      {"code", "Code news text into CAMEO events", MakeCodeCommand},
      {"report", "Self-contained HTML report on a dyad (or --format json)", MakeReportCommand},
      {"demo", "The main job on the embedded default: the Pakistan-Russia report", MakeDemoCommand},
      {"fetch", "Download GDELT event files (fetch gdelt --from --to)", MakeFetchCommand},
      {"generate", "Write a synthetic GDELT 2.0 event file for benchmarks", MakeGenerateCommand},
      {"serve", "Local web dashboard and JSON API", MakeServeCommand},
  };
  return kCommands;
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::vector<std::string_view> SuggestCommands(std::string_view typo) {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (const Command& c : AllCommands()) {
    size_t d = EditDistance(typo, c.name);
    if (d <= 2 || c.name.starts_with(typo)) scored.emplace_back(d, c.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string_view> out;
  for (auto& [d, name] : scored) out.push_back(name);
  return out;
}

}  // namespace entente::cli
