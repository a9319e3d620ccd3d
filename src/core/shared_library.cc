// Opening libraries on first use (see shared_library.h).
#include "core/shared_library.h"

#include <dlfcn.h>

#include <map>
#include <mutex>

namespace entente {

Result<void*> OpenSharedLibrary(const char* soname, const char* provider) {
  static std::mutex mu;
  static std::map<std::string, void*> opened;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = opened.find(soname); it != opened.end()) return it->second;
  // RTLD_LOCAL: its symbols stay its own; the handle is kept for the life of the process.
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Status::IOError(std::string("cannot load ") + soname + ": " +
                           (why ? why : "unknown error") + " (it comes with " + provider + ")");
  }
  opened.emplace(soname, handle);
  return handle;
}

Result<void*> LibrarySymbol(void* library, const char* soname, const char* name) {
  dlerror();
  void* address = dlsym(library, name);
  if (address == nullptr) {
    return Status::IOError(std::string(soname) + " has no symbol " + name +
                           " (an older version than entente was built against?)");
  }
  return address;
}

}  // namespace entente
