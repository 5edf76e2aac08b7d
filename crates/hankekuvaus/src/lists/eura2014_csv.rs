//! EURA 2014's project list as CSV (2014–2020), also in the form that went through a
//! spreadsheet on its way (the only copy seen, a 2016 snapshot).
//!
//! The 13 columns: code, fund, name, priority axis, authority, status, start, end,
//! implementer and the four amounts (with cents after the spreadsheet: "99355.99"). As in
//! the 2007 list, fields are not quoted and commas inside values are not escaped, so a row
//! is put back together from the fields of fixed shape: code and fund first, the four
//! amounts last, the axis number after the name, and a status followed by two dates.
//!
//! The spreadsheet's damage is undone where it is unambiguous, each repair reported:
//! a `;` or `,,;` at the end of a row; a whole row wrapped in quotes with its quotes doubled;
//! stray quotes at either end of a value; "|" where a value had a comma; and an authority
//! whose comma became a space ("elinkeino-  liikenne-"). Cells shifted or merged beyond
//! that (an implementer written twice, "OYSEVEN-1") cannot be told from real data and are
//! kept as they are.

use crate::lists::{
    ambiguous_row, csv_amounts, is_amount, is_axis, is_date, unique_pair, CsvReader, ListFile,
    Pair, Row,
};
use crate::{codes, Document, ListKind, Severity};

/// The header, as the service writes it.
pub(crate) const COLUMNS: [&str; 13] = [
    "Koodi",
    "Rahasto",
    "Hankkeen nimi",
    "Tl",
    "Viranomainen",
    "Tila",
    "Aloituspvm",
    "Päättymispvm",
    "Toteuttajan nimi",
    "Myönnetty EU- ja valtion rahoitus",
    "Toteutunut EU- ja valtion rahoitus",
    "Suunniteltu julkinen rahoitus yhteensä",
    "Toteutunut julkinen rahoitus yhteensä",
];

/// The project rows of the list, read a line at a time.
pub(crate) fn reader<'a>(bytes: &'a [u8], file_name: &str) -> (ListFile, CsvReader<'a>) {
    CsvReader::new(bytes, file_name, ListKind::Eura2014Csv, read_row)
}

fn read_row(file: &ListFile, line: u32, raw: &str) -> Document {
    let mut row = file.row(line);
    let mut repairs: Vec<&str> = Vec::new();
    let mut text = raw.trim_end();
    if let Some(t) = text.strip_suffix(';') {
        text = t;
    }
    // A row the spreadsheet wrote as one quoted cell: its own quotes are doubled inside.
    let unwrapped;
    if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') {
        unwrapped = text[1..text.len() - 1].replace("\"\"", "\"");
        text = &unwrapped;
        repairs.push("the row was one quoted cell");
    }
    let mut fields: Vec<&str> = text.split(',').collect();
    // The spreadsheet's empty cells after the last amount.
    while fields.len() > COLUMNS.len() && fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    let [code, fund] = [fields.first(), fields.get(1)].map(|f| f.map(|f| unquote(f).0));
    row.code_and_fund(code.as_deref(), fund.as_deref());
    match place(&fields) {
        Ok(p) => fill(&mut row, &fields, &p, &mut repairs),
        Err(why) => row.unreadable(raw, &why),
    }
    row.finish()
}

/// Where the values of one row start: `name` from 2, the `axis`, the authority, `status`,
/// the two dates, the implementer, and the amounts at `amounts`.
struct Placement {
    axis: usize,
    status: usize,
    amounts: usize,
}

fn place(fields: &[&str]) -> Result<Placement, String> {
    let n = fields.len();
    let amounts = csv_amounts(fields, COLUMNS.len(), |a| is_amount(&unquote(a).0))?;
    let dates_at = |j: usize| is_date(&unquote(fields[j]).0) && is_date(&unquote(fields[j + 1]).0);
    if n == COLUMNS.len() && dates_at(6) {
        // No comma inside a value: every field is where the header says.
        return Ok(Placement {
            axis: 3,
            status: 5,
            amounts,
        });
    }
    // The axis i needs a name before it (i ≥ 3) and an authority after it (j ≥ i + 2);
    // the status j needs an implementer after its dates (j + 3 < amounts).
    let axes: Vec<usize> = (3..amounts)
        .filter(|&i| is_axis(unquote(fields[i]).0.trim()))
        .collect();
    let statuses: Vec<usize> = (3..amounts.saturating_sub(3))
        .filter(|&j| dates_at(j + 1))
        .collect();
    match unique_pair(&axes, &statuses, 2) {
        Pair::One(axis, status) if status + 3 < amounts => Ok(Placement {
            axis,
            status,
            amounts,
        }),
        Pair::One(..) | Pair::None => Err(format!(
            "no placement of its {n} fields fits the columns (an axis number, then a status \
             and two dates d.m.yyyy, then the implementer and four amounts)"
        )),
        Pair::Many => Err(ambiguous_row(n)),
    }
}

/// A value without the stray quotes a spreadsheet left at its ends, doubled quotes halved;
/// `true` when something was removed.
fn unquote(s: &str) -> (String, bool) {
    let t = s.trim();
    let inner = t.strip_prefix('"').unwrap_or(t);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let out = inner.replace("\"\"", "\"");
    let changed = out.len() != t.len();
    (out, changed)
}

fn fill(row: &mut Row, fields: &[&str], p: &Placement, repairs: &mut Vec<&str>) {
    let mut quotes = false;
    let mut bars = false;
    let mut value = |a: usize, b: usize| {
        let (v, q) = unquote(&fields[a..b].join(","));
        quotes |= q;
        bars |= v.contains('|');
        v.replace('|', ",")
    };
    let name = value(2, p.axis);
    let axis = value(p.axis, p.axis + 1);
    let mut authority = value(p.axis + 1, p.status);
    let status = value(p.status, p.status + 1);
    let start = value(p.status + 1, p.status + 2);
    let end = value(p.status + 2, p.status + 3);
    let implementer = value(p.status + 3, p.amounts);
    let amounts: Vec<String> = (p.amounts..p.amounts + 4)
        .map(|i| value(i, i + 1))
        .collect();
    if fields.len() > COLUMNS.len() {
        repairs.push("commas inside values were put back");
    }
    if quotes {
        repairs.push("stray quotes were removed");
    }
    if bars {
        repairs.push("\"|\" was read as a comma");
    }
    // "Pohjois-Savon elinkeino-  liikenne- ja ympäristökeskus": the spreadsheet turned the
    // comma of the ELY centres' names into a space.
    if authority.contains("elinkeino-  liikenne-") {
        authority = authority.replace("elinkeino-  liikenne-", "elinkeino-, liikenne-");
        repairs.push("the comma in the authority's name was put back");
    }
    let cells = [
        unquote(fields[0]).0,
        unquote(fields[1]).0,
        name.clone(),
        axis.clone(),
        authority.clone(),
        status.clone(),
        start.clone(),
        end.clone(),
        implementer.clone(),
    ];
    for (column, cell) in COLUMNS.iter().zip(cells.iter().chain(amounts.iter())) {
        row.cell(column, cell);
    }
    if !repairs.is_empty() {
        row.diag(
            Severity::Info,
            codes::LIST_ROW_REPAIRED,
            format!("The row was repaired: {}.", repairs.join("; ")),
        );
    }
    row.doc.project.name = row.text("project.name", &name);
    row.doc.project.priority_axis = row.numbered("project.priority_axis", &axis);
    row.csv_tail(
        &authority,
        &status,
        (&start, &end),
        &implementer,
        [&amounts[0], &amounts[1], &amounts[2], &amounts[3]],
    );
}
