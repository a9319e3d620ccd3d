// The read driver: container (plain, gz, zip members) -> lines -> format detection -> a RowParser
// per stream -> visitor or reject sink. Counting lives here so every format counts alike.
#include "io/reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/enum_names.h"
#include "io/byte_stream.h"
#include "io/format_detect.h"
#include "io/gzip_stream.h"
#include "io/line_reader.h"
#include "io/row_parser.h"
#include "io/zip_archive.h"

namespace entente::io {
namespace {

constexpr std::string_view kUtf8Bom{"\xEF\xBB\xBF"};

constexpr int64_t kProgressEveryLines = 1 << 16;

struct Driver {
  const ReadOptions& options;
  const std::function<bool(const EventRow&)>& visit;
  ReadStats* stats;
  std::function<int64_t()> raw_position;
  int64_t raw_total = 0;
  bool stopped = false;

  void RejectLine(std::string_view name, const Line& line, int column, std::string reason) {
    ++stats->rejected;
    if (!options.rejects) return;
    Reject r;
    r.file = std::string(name);
    r.line = line.number;
    r.offset = line.offset;
    r.column = column;
    r.reason = std::move(reason);
    r.raw = std::string(line.text.substr(0, Reject::kMaxRawBytes));
    options.rejects->Add(r);
  }

  // Reads one decompressed stream (a file, or one zip member) named `name`.
  Status Run(std::string_view name, ByteStream* in) {
    LineReader lines(in);
    Format format = options.format;
    std::string_view head = lines.Peek(kDetectBytes);
    if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
    if (format == Format::kAuto) {
      // kAuto: the head holds no line with text (empty, or blank lines only); the first line
      // with text decides, and a stream with none holds no events (not an error).
      ASSIGN_OR_RETURN(format, DetectFormat(name, head, lines.at_eof()));
      if (format == Format::kAuto && lines.at_eof()) return lines.status();
    }
    const int64_t bytes_base = stats->bytes;
    std::unique_ptr<RowParser> parser;
    bool reuse_row = false;
    EventRow row;
    bool first = true;
    Line line;
    RowError err;
    int64_t since_progress = 0;
    while (lines.Next(&line)) {
      stats->bytes = bytes_base + line.offset + line.length + 1;
      if (line.too_long) {
        ++stats->rows;
        RejectLine(name, line, 0,
                   fmt::format("line of {} bytes is longer than the {} MiB limit", line.length,
                               kMaxLineBytes >> 20));
        first = false;
        continue;
      }
      // A byte-order mark (spreadsheets write one) is no part of the first field.
      if (line.offset == 0 && line.text.starts_with(kUtf8Bom)) line.text.remove_prefix(3);
      if (line.text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank
      if (!parser) {
        if (format == Format::kAuto) {
          ASSIGN_OR_RETURN(format, DetectFormat(name, line.text, /*complete=*/true));
        }
        stats->format = format;
        parser = MakeRowParser(format);
        reuse_row = parser->SetsEveryField();
      }
      if (first) {
        first = false;
        Result<bool> header = parser->Header(line.text);
        if (!header.ok()) return header.status().WithContext(fmt::format("{}:1", name));
        if (*header) continue;
      }
      ++stats->rows;
      if (!reuse_row) row = EventRow();
      if (parser->Parse(line.text, &row, &err)) {
        TrimCodes(&row);
        ++stats->events;
        if (!visit(row)) {
          stopped = true;
          return Status::Ok();
        }
      } else {
        RejectLine(name, line, err.column, std::move(err.reason));
      }
      if (options.progress && ++since_progress == kProgressEveryLines) {
        since_progress = 0;
        options.progress(raw_position(), raw_total);
      }
    }
    if (options.progress) options.progress(raw_position(), raw_total);
    return lines.status();
  }
};

Status ReadZip(ZipArchive* zip, const std::string& name, Driver* d) {
  for (;;) {
    ASSIGN_OR_RETURN(bool more, zip->NextMember());
    if (!more) return zip->CheckComplete();
    ByteStream* member = zip->member_stream();
    d->raw_position = [member] { return member->RawPosition(); };
    RETURN_IF_ERROR(d->Run(name + "!" + zip->member_name(), member));
    if (d->stopped) return Status::Ok();
  }
}

constexpr EnumName<Format> kFormatNames[] = {
    {"auto", Format::kAuto},          {"gdelt1", Format::kGdelt1},   {"gdelt2", Format::kGdelt2},
    {"icews", Format::kIcews},        {"phoenix", Format::kPhoenix}, {"jsonl", Format::kJsonl},
    {"chronicle", Format::kChronicle}};

}  // namespace

Result<Format> ParseFormat(std::string_view t) {
  return ParseEnumName(t, kFormatNames, "input format");
}

std::string_view FormatName(Format f) { return NameOfEnum(f, kFormatNames); }

std::unique_ptr<RowParser> MakeRowParser(Format f) {
  switch (f) {
    case Format::kGdelt1: return MakeGdelt1Parser();
    case Format::kGdelt2: return MakeGdelt2Parser();
    case Format::kIcews: return MakeIcewsParser();
    case Format::kPhoenix: return MakePhoenixParser();
    case Format::kJsonl: return MakeJsonlParser();
    case Format::kChronicle: return MakeChronicleParser();
    case Format::kAuto: break;
  }
  assert(false && "MakeRowParser needs a concrete format");
  return MakeGdelt2Parser();
}

Status ReadEventFile(const std::string& path, const ReadOptions& options,
                     const std::function<bool(const EventRow&)>& visit, ReadStats* stats) {
  ReadStats local;
  if (!stats) stats = &local;
  FileStream file;
  RETURN_IF_ERROR(file.Open(path));
  ASSIGN_OR_RETURN(std::string magic, file.PeekPrefix(4));
  Driver d{options, visit, stats, nullptr, file.size()};
  switch (DetectContainer(magic)) {
    case Container::kZip: {
      ZipArchive zip;
      if (file.regular()) {
        RETURN_IF_ERROR(zip.OpenFile(path));
        return ReadZip(&zip, path, &d);
      }
      // A zip's directory is at its end: a piped archive is read whole first.
      ASSIGN_OR_RETURN(std::string bytes, file.ReadAll());
      RETURN_IF_ERROR(zip.OpenMemory(path, bytes));
      return ReadZip(&zip, path, &d);
    }
    case Container::kGzip: {
      GzipStream gz(&file, path);
      d.raw_position = [&file] { return file.RawPosition(); };
      return d.Run(path, &gz);
    }
    case Container::kPlain: break;
  }
  // A plain file may be mapped rather than read (byte_stream.h), so progress is the bytes the
  // lines have consumed.
  const int64_t total = file.size();
  d.raw_position = [stats, total] { return std::min(stats->bytes, total); };
  return d.Run(path, &file);
}

Status ReadEventBytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                      const std::function<bool(const EventRow&)>& visit, ReadStats* stats) {
  ReadStats local;
  if (!stats) stats = &local;
  MemoryStream mem(bytes);
  Driver d{options, visit, stats, nullptr, static_cast<int64_t>(bytes.size())};
  d.raw_position = [&mem] { return mem.RawPosition(); };
  std::string owned_name(name);
  switch (DetectContainer(bytes.substr(0, 4))) {
    case Container::kZip: {
      ZipArchive zip;
      RETURN_IF_ERROR(zip.OpenMemory(name, bytes));
      return ReadZip(&zip, owned_name, &d);
    }
    case Container::kGzip: {
      GzipStream gz(&mem, owned_name);
      return d.Run(name, &gz);
    }
    case Container::kPlain: break;
  }
  return d.Run(name, &mem);
}

}  // namespace entente::io
