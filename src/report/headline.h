// The report's headline: where the relation stands now, since when, which way it is moving, and
// the strongest recent signals, in sentences an analyst can paste into a brief. Built only from
// the analysis results already in ReportData (phases, series) plus one key-events query for the
// recent window; the wording rules are here so the HTML and JSON say the same thing.
//
// "Recent" is the last `recent_years` calendar years that hold data (ending at the year of the
// dyad's last event), compared with the same number of years just before; "improving" or
// "worsening" needs a change in net cooperation of at least kRecentChange (0.10: a tenth of the
// scale, the smallest shift the tense/neutral thresholds of analysis/tunables.h resolve).
#ifndef ENTENTE_REPORT_HEADLINE_H_
#define ENTENTE_REPORT_HEADLINE_H_

#include "core/event_source.h"
#include "core/status.h"
#include "report/report.h"

namespace entente::report {

inline constexpr double kRecentChange = 0.10;

// Fills data->headline. REQUIRES: data->phases, names, dates and events are set.
Status BuildHeadline(EventSource& source, ReportData* data);

// "1965" for a year-precision date, "April 1965" for a month, "26 April 1965" for a day.
std::string HumanDate(Days days, DatePrecision precision);

// "signed an agreement" style one-liner for an event: its description (text) when it has one,
// else the codebook label of its code, else the code.
std::string WhatHappened(const Event& e);

// What moved at a turn of one of the three tracks, in words: "net cooperation +0.18 → +0.93",
// "1.2% → 3.4% of the actors' events", "6.1 → 13.8 events a year", "defence 8% → 37% of events".
std::string TrackChangeText(const analysis::TrackTurn& t, Period period);

// The sparsity note (PhaseResult::Sparsity), for `phases` on stderr and the report: "too sparse
// for a turn of 0.5 in net cooperation: a median of 2 events per month with events, and about 13
// events a month are needed to establish it over 6 months either side".
std::string SparsityText(const analysis::PhaseResult::Sparsity& s, Period period);

}  // namespace entente::report

#endif  // ENTENTE_REPORT_HEADLINE_H_
