#include "report/report_style.h"

namespace entente::report {

std::string_view ReportCss() {
  return R"css(
:root { --ink: #1d2329; --muted: #5b6670; --rule: #d9dee3; --bg: #ffffff; --panel: #f6f8fa;
        --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             "Noto Sans", "Liberation Sans", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
header.top { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0 10px; }
.sub { color: var(--muted); font-size: 14px; }
.note { font-size: 14px; border-left: 3px solid #c98a1b; padding: 4px 10px; background: var(--panel); }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 16px 0; }
.card { background: var(--panel); border-radius: 6px; padding: 10px 14px; }
.card .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .v { font-size: 22px; font-weight: 650; }
.card .d { font-size: 13px; color: var(--muted); }
.summary p { font-size: 16px; }
.signals { margin: 4px 0 0; padding-left: 20px; }
.signals li { margin: 4px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; color: var(--muted);
          margin: 6px 0 4px; }
.legend .sw { display: inline-block; width: 14px; height: 10px; margin-right: 5px;
              vertical-align: baseline; border-radius: 2px; }
.legend .ln { display: inline-block; width: 22px; height: 0; margin-right: 5px;
              vertical-align: middle; border-top: 2.5px solid; }
.legend .ln.dash { border-top-style: dashed; }
svg.chart { width: 100%; height: auto; display: block; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .axis-title { font-size: 11px; fill: var(--muted); }
svg .grid { stroke: #e6e9ec; stroke-width: 1; }
svg .vgrid { stroke: #f0f2f4; stroke-width: 1; }
svg .zero { stroke: #9aa3ab; stroke-width: 1; }
svg .axis { stroke: #9aa3ab; stroke-width: 1; }
svg .band { opacity: 0.17; }
svg .band-label { font-size: 11px; fill: #333; font-weight: 600; }
svg .turn-rule { stroke: #333; stroke-width: 1; stroke-dasharray: 3 3; }
svg .turn-marker { fill: #1d2329; }
svg .turn-number { font-size: 10px; fill: #fff; font-weight: 700; pointer-events: none; }
svg .weak-rule { stroke: #8a939b; stroke-width: 1; stroke-dasharray: 1 3; }
svg .weak-marker { fill: #fff; stroke: #5c656d; stroke-width: 1.5; }
svg .line-net { stroke-width: 2.2; }
svg .line-goldstein { stroke-width: 1.8; stroke-dasharray: 5 3; }
svg .line-main { stroke-width: 1.5; }
svg .line-dyad { stroke-width: 2; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px;
     text-transform: uppercase; letter-spacing: .03em; border-bottom: 2px solid var(--rule);
     padding: 6px 8px; }
td { border-bottom: 1px solid var(--rule); padding: 7px 8px; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.key-events { table-layout: fixed; }
table.key-events th:nth-child(1) { width: 92px; }
table.key-events th:nth-child(2) { width: 190px; }
table.key-events th:nth-child(4) { width: 92px; }
table.key-events th:nth-child(5) { width: 150px; }
table.key-events th:nth-child(6) { width: 190px; }
td.weight { text-align: right; font-variant-numeric: tabular-nums; }
td, th { overflow-wrap: anywhere; }
.code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px;
        color: var(--muted); }
.why { color: var(--muted); font-size: 12.5px; }
.tag { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px;
       background: var(--panel); border: 1px solid var(--rule); white-space: nowrap; }
.level { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
ol.turns { padding-left: 22px; }
ol.turns li { margin: 6px 0; }
ol.turns ul { margin: 2px 0; padding-left: 18px; color: var(--muted); font-size: 13.5px; }
.grid3 { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px 18px; }
.mini h3 { font-size: 13.5px; margin: 4px 0 0; }
.mini .stats { font-size: 12.5px; color: var(--muted); }
.methods { font-size: 14px; color: #333; }
.methods dt { font-weight: 600; margin-top: 8px; }
.methods dd { margin: 2px 0 6px 0; }
a { color: var(--accent); }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--rule);
         padding-top: 10px; }
@media (max-width: 760px) { .cards { grid-template-columns: repeat(2, 1fr); }
                            .grid3 { grid-template-columns: 1fr; } }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; }
               svg.chart, table { break-inside: avoid; } }
)css";
}

}  // namespace entente::report
