#!/usr/bin/env python3
# Derives the frequency tables under data/gen/ that `entente generate` samples from, from the real
# GDELT samples in ../shared/data/gdelt1 and gdelt2. The tables are statistics (counts of codes,
# country pairs, places, URL shapes), never rows: no output line reproduces an input row.
#
# Regenerate (from the repository root):
#     python3 tools/derive_gen_tables.py ../shared/data data/gen
# then rebuild (the tables are compiled into the binary) and re-run test_gen.
#
# Table format 1, described in src/gen/gen_tables.h; every table is TSV with a header line and
# '#' comment lines, and a `count` (or `weight`) column the generator samples by.
import collections
import math
import os
import re
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'data/gen'
GDELT2 = ['gdelt2/geomesa-tutorials/20180101000000.export.CSV',
          'gdelt2/DIAS-GDELT/20180326044500.export.CSV',
          'gdelt2/spark-gdelt/events.csv', 'gdelt2/spark-gdelt/eventsT.csv']
GDELT1 = ['gdelt1/gdelt_project-brian8128/20151207.export.CSV.small',
          'gdelt1/gdelt-demo/events.csv', 'gdelt1/spark-gdelt/events1.csv']
# The two whole 15-minute exports: the only files whose row order, URL repetition and byte size are
# those of a real export (the others are hand-picked rows).
WHOLE = GDELT2[:2]


def rows(path):
    with open(os.path.join(SHARED, path), encoding='utf-8') as f:
        for line in f:
            yield line.rstrip('\n').split('\t')


def write(name, header, items, comment):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write('# %s\n# Derived by tools/derive_gen_tables.py from ../shared/data/gdelt1 and gdelt2; '
                'do not edit.\n' % comment)
        f.write('\t'.join(header) + '\n')
        for it in items:
            f.write('\t'.join(str(x) for x in it) + '\n')


def clean(s):
    return s.replace('\t', ' ').strip()


os.makedirs(OUT, exist_ok=True)
all_rows = []  # (layout, fields)
for p in GDELT2:
    all_rows += [('g2', r) for r in rows(p)]
for p in GDELT1:
    all_rows += [('g1', r) for r in rows(p)]

# --- Actors: country pairs, and actor tuples per country. ---------------------------------------
pairs = collections.Counter()
actors = collections.Counter()
for _, r in all_rows:
    c1, c2 = r[7] or '-', r[17] or '-'
    pairs[(c1, c2)] += 1
    for off in (5, 15):
        tup = tuple(clean(x) for x in r[off:off + 10])
        if tup[0]:  # the blank actor is written by the generator at its share per slot (params)
            actors[(tup[2] or '-',) + tup] += 1
write('pairs.tsv', ['country1', 'country2', 'count'],
      sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda x: (-x[2], x[0], x[1])),
      'Actor1/Actor2 CAMEO country pairs ("-" = no country) and how often each occurs.')
write('actors.tsv', ['country', 'code', 'name', 'country_code', 'known_group', 'ethnic', 'religion1',
                     'religion2', 'type1', 'type2', 'type3', 'count'],
      sorted((k + (n,) for k, n in actors.items()), key=lambda x: (x[0], -x[-1], x[1:])),
      'Actor field tuples (the 10 GDELT Actor fields) per CAMEO country, with counts.')

# --- Event codes, with a small weight for codebook codes the samples never show. -----------------
codes = collections.Counter(r[26] for _, r in all_rows)
root_flag = collections.Counter(r[25] for _, r in all_rows)
book = []
with open(os.path.join(os.path.dirname(OUT.rstrip('/')) or '.', 'cameo', 'eventcodes.tsv')) as f:
    for line in f:
        if line.startswith('#') or line.startswith('code\t'):
            continue
        book.append(line.split('\t')[0])
UNSEEN = 0.25  # a code seen once weighs 1; real GDELT shows every code over a year of data
write('eventcodes.tsv', ['code', 'weight'],
      [(c, codes[c] if codes[c] else UNSEEN) for c in sorted(book)],
      'CAMEO event code weights: sample counts, %g for codebook codes the samples lack.' % UNSEEN)

# --- Mentions / sources / articles, jointly. ----------------------------------------------------
msa = collections.Counter((int(r[31]), int(r[32]), int(r[33])) for _, r in all_rows)
write('counts.tsv', ['mentions', 'sources', 'articles', 'count'],
      sorted((m, s, a, n) for (m, s, a), n in msa.items()),
      'Joint NumMentions, NumSources, NumArticles.')

# --- Tone per QuadClass, in 0.5-wide bins. ------------------------------------------------------
tone = collections.Counter()
for _, r in all_rows:
    tone[(r[29], math.floor(float(r[34]) * 2) / 2)] += 1
write('tone.tsv', ['quad', 'bin_start', 'count'], sorted((q, b, n) for (q, b), n in tone.items()),
      'AvgTone histogram per QuadClass (bins of width 0.5 starting at bin_start).')

# --- Places (GDELT 2.0 geo blocks), and which FIPS country an actor of a CAMEO country sits in. --
places = collections.Counter()
cfips = collections.Counter()
for lay, r in all_rows:
    if lay != 'g2':
        continue
    for off in (35, 43, 51):
        g = r[off:off + 8]
        if g[0] != '0' and g[0] != '':
            places[tuple(clean(x) for x in g)] += 1
    for a, off in ((7, 35), (17, 43)):
        if r[a] and r[off] not in ('0', ''):
            cfips[(r[a], r[off + 2])] += 1
write('places.tsv', ['type', 'full_name', 'fips', 'adm1', 'adm2', 'lat', 'lon', 'feature_id',
                     'count'],
      sorted((k + (n,) for k, n in places.items()), key=lambda x: (x[2], -x[-1], x[1])),
      'GDELT 2.0 geo places (Type, FullName, FIPS country, ADM1, ADM2, Lat, Long, FeatureID).')
# Fallback for countries the samples never locate: GeoNames' ISO3 -> FIPS table (facts).
iso_fips = {}
with open(os.path.join(SHARED, 'cameo/spark-gdelt-reference/countryInfo.txt'), encoding='utf-8') as f:
    next(f)
    for line in f:
        c = line.rstrip('\n').split('\t')
        if len(c) > 3 and c[1] and c[3]:
            iso_fips[c[1]] = c[3]
fips_rows = [(a, b, n) for (a, b), n in cfips.items()]
learned = {a for a, _, _ in fips_rows}
fips_rows += [(a, b, 0) for a, b in iso_fips.items() if a not in learned]
write('countryfips.tsv', ['cameo', 'fips', 'count'], sorted(fips_rows, key=lambda x: (x[0], -x[2])),
      'Where actors of a CAMEO country are located (FIPS 10-4); count 0 = ISO3->FIPS fact only.')

# --- Dates: how many days an event precedes the export that first reports it. -------------------
lag = collections.Counter()
for lay, r in all_rows:
    if lay == 'g2' and len(r[59]) == 14:
        from datetime import date
        d1 = date(int(r[1][:4]), int(r[1][4:6]), int(r[1][6:8]))
        d2 = date(int(r[59][:4]), int(r[59][4:6]), int(r[59][6:8]))
        lag[(d2 - d1).days] += 1
write('lag.tsv', ['days', 'count'], sorted(lag.items()),
      'Days between an event (SQLDATE) and the export that reports it (DATEADDED).')

# --- URLs: scheme + host, and the shape of the path. ---------------------------------------------
# A shape keeps separators and common words literally and abstracts the rest: {w}/{W}/{U} a slug
# word in lower/Title/UPPER case, {dN} N random digits, {xN} N random lowercase alphanumerics.
urls = set()
for lay, r in all_rows:
    u = r[-1]
    if u.startswith('http'):
        urls.add(u)
tok = re.compile(r'[A-Za-z0-9]+|[^A-Za-z0-9]+')
# A word is structural ("news", "article", "html") when at least 10 different hosts use it;
# headline words are abstracted, so no path of the samples is reproduced.
word_hosts = collections.defaultdict(set)
for u in urls:
    m = re.match(r'(https?://[^/]+)(.*)$', u)
    for t in tok.findall(m.group(2)):
        if t.isalpha():
            word_hosts[t.lower()].add(m.group(1).split('://')[1])
common = {w for w, h in word_hosts.items() if len(h) >= 10}
shapes = collections.Counter()
slug_words = collections.Counter()
for u in urls:
    m = re.match(r'(https?://[^/]+)(.*)$', u)
    host, path = m.group(1), m.group(2)
    out = []
    for t in tok.findall(path):
        if not t[0].isalnum():
            out.append(t.replace('{', '(').replace('\t', ' '))
        elif t.isdigit():
            out.append('{d%d}' % len(t))
        elif t.isalpha():
            if t.lower() in common:
                out.append(t)
            else:
                slug_words[t.lower()] += 1
                out.append('{U}' if t.isupper() and len(t) > 1 else
                           '{W}' if t[0].isupper() else '{w}')
        else:
            out.append('{x%d}' % len(t))
    shapes[(host, ''.join(out))] += 1
write('urls.tsv', ['host', 'path_shape', 'count'],
      sorted((h, s, n) for (h, s), n in shapes.items()),
      'URL host and path shape per distinct SOURCEURL ({w} slug word, {dN} digits, {xN} alnum).')
write('urlwords.tsv', ['word', 'count'], sorted(slug_words.items(), key=lambda x: (-x[1], x[0])),
      'Slug words seen in URL paths (lower case), with counts.')

# --- Row-order statistics from the two whole exports. --------------------------------------------
p = {}
n_rows = same_prev = recent = new = 0
tone_shared = pair_shared = both = actors_shared = geo_shared = 0
a1geo = a1geo_own = a2geo = a2geo_own = 0
act = collections.Counter()
total_bytes = 0
distinct_urls = 0
for path in WHOLE:
    prev = None
    by_url = {}
    total_bytes += os.path.getsize(os.path.join(SHARED, path))
    for r in rows(path):
        n_rows += 1
        u = r[60]
        if prev is not None and prev[60] == u:
            same_prev += 1
        elif u in by_url:
            recent += 1
        else:
            new += 1
        if u in by_url:
            both += 1
            tone_shared += by_url[u][34] == r[34]
            same_pair = (by_url[u][7], by_url[u][17]) == (r[7], r[17])
            pair_shared += same_pair
            actors_shared += same_pair and by_url[u][5:25] == r[5:25]
            geo_shared += same_pair and by_url[u][5:25] == r[5:25] and by_url[u][35:59] == r[35:59]
        by_url[u] = r
        prev = r
        for a, off in ((7, 35), (17, 43)):
            if r[a - 2]:
                present = r[off] not in ('0', '')
                if a == 7:
                    a1geo += present
                else:
                    a2geo += present
        a1, a2, ag = r[35:43], r[43:51], r[51:59]
        act['a1' if ag == a1 and a1[0] != '0' else 'a2' if ag == a2 and a2[0] != '0' else
            'none' if ag[0] in ('0', '') else 'other'] += 1
    distinct_urls += len(by_url)

# Who acts, per slot: the whole exports only (the hand-picked files under-represent actors without
# a country). Cells: both actors have a country, only Actor1 has one, only Actor2 has one.
cells = collections.Counter()
blank = collections.Counter()
no_country = collections.Counter()
for path in WHOLE:
    for r in rows(path):
        cells[(bool(r[7]), bool(r[17]))] += 1
        for slot, off in ((1, 5), (2, 15)):
            if not r[off + 2]:
                no_country[slot] += 1
                blank[slot] += not r[off]

# --- Long tails: names and places. ---------------------------------------------------------------
# The samples name ~1,000 actors and places, but GDELT names hundreds of thousands a year: most
# occur rarely. Distinct values grow with rows as D(n) = K n^beta (Heaps' law); beta and K are fitted
# on the three real exports taken in turn (one 2018-01-01 file, then a 2018-03-26 one, then a
# 2015-12-07 daily file), which spreads the sample over time as a generated file spreads its rows
# over years. The tail share is the share of occurrences whose value appears in only one of the
# three files.
HEAPS = [('gdelt2/geomesa-tutorials/20180101000000.export.CSV', (6, 16), (36, 44, 52)),
         ('gdelt2/DIAS-GDELT/20180326044500.export.CSV', (6, 16), (36, 44, 52)),
         ('gdelt1/gdelt_project-brian8128/20151207.export.CSV.small', (6, 16), (36, 43, 50))]


def heaps(which, keep):
    files, sizes = [], []
    for path, names, geo in HEAPS:
        cols = names if which == 'names' else geo
        file_rows = list(rows(path))
        files.append([r[i] for r in file_rows for i in cols if keep(r, i)])
        sizes.append(len(file_rows))
    seen, n, points = set(), 0, []
    for occ, size in zip(files, sizes):
        seen.update(occ)
        n += size
        points.append((n, len(seen)))
    (n0, d0), (n2, d2) = points[0], points[-1]
    beta = math.log(d2 / d0) / math.log(n2 / n0)
    per_million = d2 * (1e6 / n2) ** beta
    in_files = collections.Counter(v for occ in files for v in set(occ))
    single = sum(1 for occ in files for v in occ if in_files[v] == 1)
    return beta, per_million, single / sum(len(o) for o in files)


def country_name(r, i):  # a name of an actor with a country (i: the Name column)
    return bool(r[i]) and bool(r[i + 1])


def city(r, i):  # a place at city level (GDELT geo types 3 and 4; i: the FullName column)
    return bool(r[i]) and r[i - 1] in ('3', '4')


names_beta, names_pm, _ = heaps('names', lambda r, i: bool(r[i]))
_, _, names_tail = heaps('names', country_name)
places_beta, places_pm, _ = heaps('places', lambda r, i: bool(r[i]))
_, _, places_tail = heaps('places', city)

actor1 = sum(1 for path in WHOLE for r in rows(path) if r[5])
actor2 = sum(1 for path in WHOLE for r in rows(path) if r[15])
params = [
    ('p_is_root', root_flag['1'] / sum(root_flag.values())),
    ('p_same_article_as_previous', same_prev / n_rows),
    ('p_recent_article', recent / n_rows),
    # An export revisits any of its articles (~360 per 15-minute file), not only the last few.
    ('recent_article_window', round(distinct_urls / len(WHOLE))),
    ('p_tone_shared_in_article', tone_shared / both),
    ('p_pair_shared_in_article', pair_shared / both),
    ('p_actors_shared_given_pair', actors_shared / pair_shared),
    ('p_geo_shared_given_actors', geo_shared / actors_shared),
    ('p_actor1_geo', a1geo / actor1),
    ('p_actor2_geo', a2geo / actor2),
    ('p_action_geo_actor1', act['a1'] / n_rows),
    ('p_action_geo_actor2', act['a2'] / n_rows),
    ('p_action_geo_none', act['none'] / n_rows),
    ('sample_bytes_per_row', total_bytes / n_rows),
    ('p_pair_both_countries', cells[(True, True)] / n_rows),
    ('p_pair_actor1_country_only', cells[(True, False)] / n_rows),
    ('p_pair_actor2_country_only', cells[(False, True)] / n_rows),
    ('p_actor1_blank_given_no_country', blank[1] / no_country[1]),
    ('p_actor2_blank_given_no_country', blank[2] / no_country[2]),
    ('names_per_million', names_pm),
    ('names_growth_exponent', names_beta),
    ('names_tail_share', names_tail),
    ('places_per_million', places_pm),
    ('places_growth_exponent', places_beta),
    ('places_tail_share', places_tail),
]
write('params.tsv', ['name', 'value'], [(k, '%.6g' % v) for k, v in params],
      'Scalars learned from the two whole GDELT 2.0 15-minute exports.')
for k, v in params:
    print('%-30s %.4g' % (k, v))
print('rows', len(all_rows), 'pairs', len(pairs), 'actors', len(actors), 'places', len(places),
      'urls', len(urls), 'shapes', len(shapes), 'words', len(slug_words))
