// Byte streams the readers pull from: a plain file read in large blocks, bytes already in memory,
// and (gzip_stream.h, zip_archive.h) decompressing wrappers over them. Readers never see whether
// the bytes were compressed; they get a ByteStream and a name for messages.
//
// A plain regular file is mapped (mmap) instead when its reader asks (InMemory): read(2) copied
// every byte out of the page cache, 10% of GDELT parse time in the kernel's copy. Pipes, empty or
// special files (size 0 in stat), and the gz and zip wrappers keep reading in 4 MiB blocks, so
// memory stays constant for them. A mapped file that another process truncates during the read
// raises SIGBUS, as with any mmap reader (ripgrep, git), and bytes appended after Open() are not
// read; entente's inputs are downloads at rest.
//
// Thread safety: none; one reader owns one stream.
#ifndef ENTENTE_IO_BYTE_STREAM_H_
#define ENTENTE_IO_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace entente::io {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `buf`; 0 means the end of the stream. An error Status names the
  // file and says what went wrong (a short read, a truncated or corrupt compressed stream).
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Bytes consumed from the underlying file so far (compressed bytes for gz), for progress bars.
  virtual int64_t RawPosition() const = 0;
  // When the rest of the stream is already in memory, sets *bytes to it and returns true; the
  // caller then reads it there instead of calling Read(). The bytes live as long as the stream.
  virtual bool InMemory(std::string_view* /*bytes*/) { return false; }
};

// A file on disk, read sequentially with read(2). "-" is standard input. Pipes and other
// non-seekable files work too: the prefix peeked for detection is kept and served first.
class FileStream : public ByteStream {
 public:
  FileStream() = default;
  ~FileStream() override;
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  // NotFound / IOError naming `path` when the file cannot be opened or is a directory.
  Status Open(const std::string& path);
  // The first bytes of the file without consuming them (for magic-byte detection). Call it
  // before the first Read().
  Result<std::string> PeekPrefix(size_t n);
  int64_t size() const { return size_; }
  // A regular file (seekable, size known), as opposed to a pipe, terminal or device.
  bool regular() const { return regular_; }
  // The rest of the stream in memory (for containers that need random access, such as zip).
  Result<std::string> ReadAll();

  Result<size_t> Read(char* buf, size_t n) override;
  int64_t RawPosition() const override { return position_; }
  // Maps a non-empty regular file (once; unmapped by the destructor). False when it is not one or
  // mmap fails, and then Read() serves as before.
  bool InMemory(std::string_view* bytes) override;

 private:
  Result<size_t> ReadFd(char* buf, size_t n);  // read(2), retried on EINTR

  std::string path_;
  int fd_ = -1;
  void* map_ = nullptr;  // the whole file when mapped
  bool regular_ = false;
  std::string peeked_;  // bytes PeekPrefix took from a non-seekable file, served first by Read()
  size_t peeked_pos_ = 0;
  int64_t size_ = 0;
  int64_t position_ = 0;
};

// Bytes in memory. REQUIRES: `bytes` outlives the stream.
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override;
  int64_t RawPosition() const override { return static_cast<int64_t>(pos_); }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// What the first bytes say the container is.
enum class Container { kPlain, kGzip, kZip };
Container DetectContainer(std::string_view prefix);

}  // namespace entente::io

#endif  // ENTENTE_IO_BYTE_STREAM_H_
