extension HTMLReport {
  /// The report's style sheet: fluid on phones (no horizontal scroll at 320 px and up), print-friendly, system
  /// fonts only (nothing fetched).
  static let styleSheet = """
    :root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0072B2}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
    color:var(--ink);background:#fff;overflow-wrap:anywhere}
    header,nav,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
    header{padding-top:24px}
    h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
    h2{font-size:1.3rem;margin:0 0 12px;padding-top:8px;border-top:3px solid var(--accent)}
    h3{font-size:1.05rem;margin:20px 0 8px}
    .subtitle{color:var(--muted);margin:0 0 12px}
    nav ul{list-style:none;margin:0;padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 14px;\
    border-bottom:1px solid var(--line)}
    nav a{color:var(--accent)}
    section{margin:28px 0}
    p{max-width:70ch}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:10px;margin:12px 0}
    .figures div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 12px}
    .figures dt{font-size:.85rem;color:var(--muted)}
    .figures dd{margin:0;font-size:1.35rem;font-weight:600}
    figure{margin:16px 0;break-inside:avoid;page-break-inside:avoid}
    .chart svg{display:block;width:100%;max-width:800px;height:auto}
    figcaption{font-size:.9rem;color:var(--muted);margin-top:4px}
    details{margin-top:6px}
    summary{cursor:pointer;color:var(--accent)}
    .table{max-width:100%;overflow-x:auto}
    table{border-collapse:collapse;font-size:.9rem;margin:8px 0;min-width:50%}
    caption{text-align:left;font-weight:600;padding:4px 0}
    th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
    thead th{background:var(--soft)}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    footer{color:var(--muted);font-size:.85rem;padding-bottom:24px}
    @media (max-width:600px){body{font-size:15px}h1{font-size:1.35rem}table{font-size:.8rem}th,td{padding:3px 5px}}
    @media print{nav{display:none}body{font-size:11pt}h2{break-after:avoid}\
    details::details-content{display:block;content-visibility:visible}summary{display:none}\
    section{break-inside:auto}a{color:inherit;text-decoration:none}}
    """
}
