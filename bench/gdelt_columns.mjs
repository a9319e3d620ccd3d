// The 61 columns of a GDELT 2.0 export with the DuckDB types the baseline scripts read them as
// (SQLDATE as an integer, as the file writes it), and the `columns={...}` argument of read_csv.
const actor = (p) => Object.fromEntries(
  ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code',
   'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((f) => [`${p}${f}`, 'VARCHAR']));
const geo = (p) => ({
  [`${p}_Type`]: 'INTEGER', [`${p}_FullName`]: 'VARCHAR', [`${p}_CountryCode`]: 'VARCHAR',
  [`${p}_ADM1Code`]: 'VARCHAR', [`${p}_ADM2Code`]: 'VARCHAR', [`${p}_Lat`]: 'DOUBLE',
  [`${p}_Long`]: 'DOUBLE', [`${p}_FeatureID`]: 'VARCHAR',
});

export const GDELT2_COLUMNS = Object.freeze({
  GLOBALEVENTID: 'BIGINT', SQLDATE: 'INTEGER', MonthYear: 'INTEGER', Year: 'INTEGER',
  FractionDate: 'DOUBLE', ...actor('Actor1'), ...actor('Actor2'), IsRootEvent: 'INTEGER',
  EventCode: 'VARCHAR', EventBaseCode: 'VARCHAR', EventRootCode: 'VARCHAR', QuadClass: 'INTEGER',
  GoldsteinScale: 'DOUBLE', NumMentions: 'INTEGER', NumSources: 'INTEGER',
  NumArticles: 'INTEGER', AvgTone: 'DOUBLE', ...geo('Actor1Geo'), ...geo('Actor2Geo'),
  ...geo('ActionGeo'), DATEADDED: 'BIGINT', SOURCEURL: 'VARCHAR',
});
if (Object.keys(GDELT2_COLUMNS).length !== 61) throw new Error('expected 61 columns');

// "{'GLOBALEVENTID': 'BIGINT', ...}" for read_csv(columns=...).
export const columnsSql = (columns) =>
  '{' + Object.entries(columns).map(([k, v]) => `'${k}': '${v}'`).join(', ') + '}';
