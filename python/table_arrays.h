// Columns of cells (a captured CLI table) and event columns as numpy arrays. Every column becomes
// one array, filled in C++; only text needs a Python object per value, and repeated text shares
// one. Column types follow what pandas.read_csv makes of the same csv column, so a DataFrame
// built here compares equal to the CLI's csv read back:
//   integers only              -> int64 (float64 with NaN when some are missing)
//   numbers, some real         -> float64, NaN for missing
//   text only                  -> object, None for missing
//   text and numbers mixed     -> object holding str, int and float
// REQUIRES: the GIL is held.
#ifndef ENTENTE_PYTHON_TABLE_ARRAYS_H_
#define ENTENTE_PYTHON_TABLE_ARRAYS_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "cli/table_capture.h"
#include "event_columns.h"

namespace entente::python {

// {"columns": [names], "arrays": [one numpy array per column]}.
pybind11::dict TableToPython(const cli::CapturedTable& table);

// The same for events, taking over the columns' buffers; dictionary-encoded columns become
// ("category", codes, values) tuples that the Python side turns into pandas Categoricals, dates
// are datetime64[ns].
pybind11::dict EventsToPython(EventColumns&& columns);

}  // namespace entente::python

#endif  // ENTENTE_PYTHON_TABLE_ARRAYS_H_
