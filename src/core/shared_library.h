// Libraries only some commands need, opened when first used instead of linked.
//
// Why: every library an executable links is mapped and relocated when any process starts, with
// all the libraries it needs in turn. libcurl (downloads, ClickHouse) brings OpenSSL, Kerberos,
// LDAP and twenty more; libarchive (.zip inputs) brings libxml2 and ICU. Linked, they made the
// start of every `entente` process cost more than the answer to a small dyad query. Opened on
// first use, they cost only the commands that use them.
//
// Thread safety: OpenSharedLibrary may be called from any thread; each library opens once.
#ifndef ENTENTE_CORE_SHARED_LIBRARY_H_
#define ENTENTE_CORE_SHARED_LIBRARY_H_

#include <string>

#include "core/status.h"

namespace entente {

// Opens the library by its soname ("libcurl.so.4") or path once per process. The error names the
// library and what provides it (`provider`: a Debian package).
Result<void*> OpenSharedLibrary(const char* soname, const char* provider);

// The address of symbol `name` of an opened library, or an error naming both.
Result<void*> LibrarySymbol(void* library, const char* soname, const char* name);

// Binds *fn to symbol `name` (its type is the declared type of the function).
template <class F>
Status BindSymbol(void* library, const char* soname, const char* name, F* fn) {
  ASSIGN_OR_RETURN(void* address, LibrarySymbol(library, soname, name));
  *fn = reinterpret_cast<F>(address);
  return Status::Ok();
}

}  // namespace entente

#endif  // ENTENTE_CORE_SHARED_LIBRARY_H_
