#include "table_arrays.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "io/event_fields.h"

namespace py = pybind11;

namespace entente::python {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class Kind { kInt, kReal, kText, kMixed };

Kind KindOf(const cli::CapturedTable& t, size_t col) {
  bool ints = false, reals = false, texts = false;
  for (const std::vector<cli::Cell>& row : t.rows) {
    const cli::Cell& c = row[col];
    ints |= std::holds_alternative<int64_t>(c);
    reals |= std::holds_alternative<double>(c);
    texts |= std::holds_alternative<std::string>(c);
  }
  if (texts) return (ints || reals) ? Kind::kMixed : Kind::kText;
  if (reals) return Kind::kReal;
  return ints ? Kind::kInt : Kind::kText;  // no values at all: object, as read_csv
}

bool HasNull(const cli::CapturedTable& t, size_t col) {
  for (const auto& row : t.rows) {
    const cli::Cell& c = row[col];
    if (std::holds_alternative<std::monostate>(c)) return true;
    if (std::holds_alternative<double>(c) && std::isnan(std::get<double>(c))) return true;
  }
  return false;
}

py::object Text(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// An object array whose element i is make(i); None where make returns a null handle.
template <class Make>
py::array ObjectArray(size_t n, Make make) {
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
  auto** slots = static_cast<PyObject**>(out.mutable_data());
  for (size_t i = 0; i < n; ++i) {
    py::object v = make(i);
    if (!v) v = py::none();
    PyObject* old = slots[i];
    slots[i] = v.release().ptr();
    Py_XDECREF(old);
  }
  return out;
}

py::object CellObject(const cli::Cell& c) {
  if (std::holds_alternative<int64_t>(c)) return py::int_(std::get<int64_t>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    return std::isnan(v) ? py::object() : py::float_(v);
  }
  if (std::holds_alternative<std::string>(c)) {
    const std::string& s = std::get<std::string>(c);
    return s.empty() ? py::object() : Text(s);  // csv cannot tell "" from missing
  }
  return py::object();
}

double CellReal(const cli::Cell& c) {
  if (std::holds_alternative<int64_t>(c)) return static_cast<double>(std::get<int64_t>(c));
  if (std::holds_alternative<double>(c)) return std::get<double>(c);
  return kNaN;
}

py::array Column(const cli::CapturedTable& t, size_t col) {
  const size_t n = t.rows.size();
  Kind kind = KindOf(t, col);
  if (kind == Kind::kInt && !HasNull(t, col)) {
    py::array_t<int64_t> out(static_cast<py::ssize_t>(n));
    int64_t* p = out.mutable_data();
    for (size_t i = 0; i < n; ++i) p[i] = std::get<int64_t>(t.rows[i][col]);
    return out;
  }
  if (kind == Kind::kInt || kind == Kind::kReal) {
    py::array_t<double> out(static_cast<py::ssize_t>(n));
    double* p = out.mutable_data();
    for (size_t i = 0; i < n; ++i) p[i] = CellReal(t.rows[i][col]);
    return out;
  }
  return ObjectArray(n, [&](size_t i) { return CellObject(t.rows[i][col]); });
}

// Text values end to end as an object array; a value equal to the one before shares its object.
py::array TextArray(const TextColumn& c) {
  std::string_view last;
  py::object last_obj;
  return ObjectArray(c.values.size(), [&](size_t i) {
    std::string_view s = c.values[i];
    if (s.empty()) return py::object();
    if (!last_obj || s != last) {
      last = s;
      last_obj = Text(s);
    }
    return last_obj;
  });
}

// The vector's buffer itself, owned by the array from now on (no copy of a column).
template <class T>
py::array_t<T> NumberArray(std::vector<T>&& v) {
  auto* owned = new std::vector<T>(std::move(v));
  py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
}

py::tuple Categorical(DictColumn&& c) {
  py::list values;
  for (std::string_view v : c.values()) values.append(Text(v));
  return py::make_tuple("category", NumberArray(std::move(c.codes)), values);
}

py::array DateArray(const std::vector<int32_t>& days) {
  py::array out(py::dtype("datetime64[ns]"),
                std::vector<py::ssize_t>{static_cast<py::ssize_t>(days.size())});
  auto* p = static_cast<int64_t*>(out.mutable_data());
  for (size_t i = 0; i < days.size(); ++i) p[i] = int64_t{days[i]} * 86400 * 1000000000;
  return out;
}

// quad 0 (unknown) is missing: int64 when every event has one (as read_csv), else float64.
py::array QuadArray(const std::vector<int8_t>& quad) {
  bool missing = std::find(quad.begin(), quad.end(), 0) != quad.end();
  if (!missing) {
    py::array_t<int64_t> out(static_cast<py::ssize_t>(quad.size()));
    std::copy(quad.begin(), quad.end(), out.mutable_data());
    return out;
  }
  py::array_t<double> out(static_cast<py::ssize_t>(quad.size()));
  double* p = out.mutable_data();
  for (size_t i = 0; i < quad.size(); ++i) p[i] = quad[i] > 0 ? quad[i] : kNaN;
  return out;
}

}  // namespace

py::dict TableToPython(const cli::CapturedTable& t) {
  py::list arrays;
  for (size_t col = 0; col < t.columns.size(); ++col) arrays.append(Column(t, col));
  py::dict out;
  out["columns"] = py::cast(t.columns);
  out["arrays"] = arrays;
  return out;
}

py::dict EventsToPython(EventColumns&& c) {
  py::list arrays;
  if (c.id.numeric()) {
    arrays.append(NumberArray(std::move(c.id.numbers)));
  } else {
    arrays.append(TextArray(c.id.text));
  }
  arrays.append(DateArray(c.days));
  arrays.append(Categorical(std::move(c.precision)));
  for (DictColumn* d :
       {&c.source, &c.source_country, &c.target, &c.target_country, &c.code, &c.root}) {
    arrays.append(Categorical(std::move(*d)));
  }
  arrays.append(QuadArray(c.quad));
  arrays.append(NumberArray(std::move(c.goldstein)));
  arrays.append(NumberArray(std::move(c.mentions)));
  arrays.append(NumberArray(std::move(c.tone)));
  arrays.append(Categorical(std::move(c.dataset)));
  arrays.append(Categorical(std::move(c.url)));
  py::dict out;
  out["columns"] = py::cast(io::EventColumns());
  out["arrays"] = arrays;
  return out;
}

}  // namespace entente::python
