// Pieces many commands share: the filter options of the contract, where the store is, and which
// EventSource a read command uses (the store, or the embedded chronicle when the store is empty).
#ifndef ENTENTE_CLI_COMMON_H_
#define ENTENTE_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/output.h"
#include "core/event_source.h"
#include "core/filter.h"
#include "core/status.h"
#include "io/event_fields.h"

namespace entente::store {
class ActorDayCache;
}  // namespace entente::store

namespace entente::cli {

// The raw text of the filter flags, checked and turned into an EventFilter by BuildFilter().
struct FilterOptions {
  std::vector<std::string> actors;
  std::string source, target, dyad, from, to, code, dataset;
  int quad = 0;
  int64_t limit = -1;
  bool directed = false;
};

// Adds --actor --source --target --dyad --from --to --code --quad --dataset --limit --directed.
// `last_date_flag` is "--to" everywhere but `export`, where --to names the output file.
void AddFilterOptions(CLI::App* app, FilterOptions* options, bool with_limit = true,
                      const char* last_date_flag = "--to");
Result<EventFilter> BuildFilter(const FilterOptions& options);

// The check for a whole-number option: accepts lo..hi and otherwise says so with the bounds as
// integers ("-1 is not a whole number from 1 to 500"). CLI11's Range and PositiveNumber print
// their bounds as doubles, which for an open upper end is a 300-digit number.
CLI::Validator WholeNumber(int64_t lo, int64_t hi = std::numeric_limits<int64_t>::max());

// One event field (io::EventFields) as an output cell.
Cell FieldCell(io::FieldValue&& value);

// The columns `events` and `export` write: io::EventColumnsFull() when `full`, else
// io::EventColumns(), then io::PloverColumns() when `plover`.
std::vector<std::string> EventTableColumns(bool full, bool plover);
// One event as the cells of EventTableColumns(full, plover); `values` is scratch that keeps its
// capacity between rows.
std::vector<Cell> EventTableCells(const EventRow& e, bool full, bool plover,
                                  std::vector<io::FieldValue>* values);

// The cells of io::PloverColumns() for a CAMEO code (null where PLOVER has none: roots 01, 02).
void AppendPloverCells(std::string_view cameo_code, std::vector<Cell>* cells);

// An actor argument as typed ("pak", "Pakistan"?) made canonical: upper case, checked for shape.
Result<std::string> NormalizeActor(const std::string& text);

// A dyad argument written A,B or A-B (outputs and the API write A-B), each side normalized as by
// NormalizeActor. `what` names the argument in the message ("--dyad", "dyad").
Result<std::pair<std::string, std::string>> ParseDyad(const std::string& text, const char* what);

// --store, else $ENTENTE_STORE, else $XDG_DATA_HOME/entente, else ~/.local/share/entente.
std::string ResolveStoreDir(const GlobalOptions& globals);

// For read commands: a store directory that does not exist yet is an empty store, but a path that
// exists and is not a directory, or that cannot be read, is a store error naming the path and the
// reason (without this check the store would read it as empty and hide a mistyped --store).
Status CheckStoreDirReadable(const std::string& dir);

// The source read commands use: the store when it holds events; otherwise the embedded chronicle,
// with a note on stderr saying so (unless --quiet).
Result<std::unique_ptr<EventSource>> OpenReadSource(const GlobalOptions& globals);

// For a long-lived reader (`serve`): the store, and the embedded chronicle while the store has no
// events; its Refresh() picks up the store's new commits and moves from the chronicle to the store
// once an ingest has put events there. A store source answers week and day actor volumes from
// `actor_days` when given (store/actor_days.h), which sources of one process may share.
Result<std::unique_ptr<EventSource>> OpenLiveSource(
    const GlobalOptions& globals, std::shared_ptr<store::ActorDayCache> actor_days = nullptr);

// The embedded chronicle as a source (no store involved).
Result<std::unique_ptr<EventSource>> OpenChronicleSource();

// True when stderr is a terminal and progress bars may be drawn.
bool ShowProgress(const GlobalOptions& globals);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_COMMON_H_
