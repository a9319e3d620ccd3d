// `entente demo`: the main job on the embedded default. Writes the Pakistan–Russia report built
// from the bundled chronicle — always the chronicle, whatever the store holds, so the first
// command of the README gives the same page on every machine — to ./entente-demo/
// pakistan-russia.html (or -o FILE), creating the directory, and prints the path on stdout.
#include <iostream>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/report_file.h"
#include "report/report.h"

namespace entente::cli {

namespace {

constexpr const char* kDefaultPath = "entente-demo/pakistan-russia.html";

class DemoCommand : public CommandHandler {
 public:
  void AddOptions(CLI::App* app) override {
    app->add_option("-o,--output", output_,
                    std::string("Where to write the report (default ./") + kDefaultPath + ")");
  }

  int Run(const GlobalOptions& globals) override {
    bool json = globals.format == "json";
    if (!globals.format.empty() && globals.format != "html" && !json) {
      std::fprintf(stderr,
                   "entente: bad --format '%s' for demo: expected html (default) or json\n"
                   "hint: see 'entente demo --help'\n",
                   globals.format.c_str());
      return kExitUsage;
    }
    Result<std::unique_ptr<EventSource>> source = OpenChronicleSource();
    if (!source.ok()) return ReportError(source.status());
    report::ReportOptions o;
    o.a = "PAK";
    o.b = "RUS";
    o.source_description = (*source)->Describe();
    o.source_is_chronicle = true;
    o.generated_at = TodayUtc();
    Result<report::ReportData> data = report::BuildReport(**source, o);
    if (!data.ok()) return ReportError(data.status());
    std::string path = output_.empty() ? std::string("./") + kDefaultPath : output_;
    std::string bytes = json ? report::RenderReportJson(*data) : report::RenderReportHtml(*data);
    if (Status st = WriteReportFile(path, bytes); !st.ok()) return ReportError(st);
    std::cout << path << "\n";
    return kExitOk;
  }

 private:
  std::string output_;
};

}  // namespace

std::unique_ptr<CommandHandler> MakeDemoCommand() { return std::make_unique<DemoCommand>(); }

}  // namespace entente::cli
