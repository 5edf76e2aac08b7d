//! EURA 2007's project list as CSV (2007–2013): Windows-1252, one header line, fields never
//! quoted and commas inside values not escaped.
//!
//! The 14 columns: code, fund, name, programme or ESF part, priority axis, authority,
//! status, start, end, implementer and the four whole-euro amounts. A row with more than 14
//! fields had commas inside the name, the authority or the implementer; it is put back
//! together from the fields of fixed shape: code and fund first, the four amounts last, a
//! programme of a small known set followed by the axis number, and a status followed by
//! two dates `d.m.yyyy`. When exactly one placement fits, the split values are joined with
//! their commas back; when none or several fit, the row is reported, never guessed.

use crate::lists::{
    ambiguous_row, csv_amounts, is_amount, is_axis, is_date, unique_pair, CsvReader, ListFile,
    Pair, Row,
};
use crate::{codes, Document, ListKind, Severity};

/// The header, as the service writes it.
pub(crate) const COLUMNS: [&str; 14] = [
    "Koodi",
    "Rahasto",
    "Projektin nimi",
    "Ohjelma / osio",
    "Tl",
    "Viranomainen",
    "Toiminnan tila",
    "Aloituspvm",
    "Päättymispvm",
    "Toteuttajan nimi",
    "Myönnetty EU- ja valtion rahoitus",
    "Toteutunut EU- ja valtion rahoitus",
    "Suunniteltu julkinen rahoitus yhteensä",
    "Toteutunut julkinen rahoitus yhteensä",
];

/// The ERDF regional programmes and the ESF parts of 2007–2013 ("Ohjelma / osio"), plus
/// Åland's programme, as the list writes them.
const PROGRAMMES: [&str; 11] = [
    "Itä-Suomi",
    "Länsi-Suomi",
    "Pohjois-Suomi",
    "Etelä-Suomi",
    "Ahvenanmaa",
    "Valtakunnallinen osio",
    "Itä-Suomen suuralueosio",
    "Länsi-Suomen suuralueosio",
    "Pohjois-Suomen suuralueosio",
    "Etelä-Suomen suuralueosio",
    "Ahvenanmaan osio",
];

/// The project rows of the list, read a line at a time.
pub(crate) fn reader<'a>(bytes: &'a [u8], file_name: &str) -> (ListFile, CsvReader<'a>) {
    CsvReader::new(bytes, file_name, ListKind::Eura2007Csv, read_row)
}

fn read_row(file: &ListFile, line: u32, raw: &str) -> Document {
    let mut row = file.row(line);
    let fields: Vec<&str> = raw.split(',').collect();
    row.code_and_fund(fields.first().copied(), fields.get(1).copied());
    match place(&fields) {
        Ok(p) => fill(&mut row, &fields, &p),
        Err(why) => row.unreadable(raw, &why),
    }
    row.finish()
}

/// Where the values of one row start: `name` from 2, then `programme`, the axis after it,
/// the authority, `status`, the two dates, the implementer, and the amounts at `amounts`.
struct Placement {
    programme: usize,
    status: usize,
    amounts: usize,
}

fn place(fields: &[&str]) -> Result<Placement, String> {
    let n = fields.len();
    let amounts = csv_amounts(fields, COLUMNS.len(), is_amount)?;
    if n == COLUMNS.len() && is_date(fields[7]) && is_date(fields[8]) {
        // No comma inside a value: every field is where the header says.
        return Ok(Placement {
            programme: 3,
            status: 6,
            amounts,
        });
    }
    // Programme i needs a name before it (i ≥ 3) and the axis after it; the status j needs
    // an authority before it (j ≥ i + 3) and an implementer after its dates (j + 3 < amounts).
    let programmes: Vec<usize> = (3..amounts)
        .filter(|&i| PROGRAMMES.contains(&fields[i].trim()) && is_axis(fields[i + 1].trim()))
        .collect();
    let statuses: Vec<usize> = (3..amounts.saturating_sub(3))
        .filter(|&j| is_date(fields[j + 1]) && is_date(fields[j + 2]))
        .collect();
    match unique_pair(&programmes, &statuses, 3) {
        Pair::One(programme, status) if status + 3 < amounts => Ok(Placement {
            programme,
            status,
            amounts,
        }),
        Pair::One(..) | Pair::None => Err(format!(
            "no placement of its {n} fields fits the columns (a programme and axis, then a \
             status and two dates d.m.yyyy, then the implementer and four amounts)"
        )),
        Pair::Many => Err(ambiguous_row(n)),
    }
}

fn fill(row: &mut Row, fields: &[&str], p: &Placement) {
    let join = |a: usize, b: usize| fields[a..b].join(",");
    let name = join(2, p.programme);
    let authority = join(p.programme + 2, p.status);
    let implementer = join(p.status + 3, p.amounts);
    let columns = [
        fields[0].to_owned(),
        fields[1].to_owned(),
        name.clone(),
        fields[p.programme].to_owned(),
        fields[p.programme + 1].to_owned(),
        authority.clone(),
        fields[p.status].to_owned(),
        fields[p.status + 1].to_owned(),
        fields[p.status + 2].to_owned(),
        implementer.clone(),
    ]
    .into_iter()
    .chain(fields[p.amounts..].iter().map(|s| (*s).to_owned()));
    for (column, value) in COLUMNS.iter().zip(columns) {
        row.cell(column, &value);
    }
    if fields.len() > COLUMNS.len() {
        row.diag(
            Severity::Info,
            codes::LIST_ROW_REPAIRED,
            format!(
                "The row has {} fields for {} columns: the commas inside its values were put back.",
                fields.len(),
                COLUMNS.len()
            ),
        );
    }
    row.doc.project.name = row.text("project.name", &name);
    row.doc.project.programme = row.text("project.programme", fields[p.programme]);
    if !PROGRAMMES.contains(&fields[p.programme].trim()) {
        row.diag(
            Severity::Info,
            codes::UNKNOWN_VALUE,
            format!(
                "The programme \"{}\" is not one of the known programmes or ESF parts.",
                fields[p.programme].trim()
            ),
        );
    }
    row.doc.project.priority_axis = row.numbered("project.priority_axis", fields[p.programme + 1]);
    let a = &fields[p.amounts..];
    row.csv_tail(
        &authority,
        fields[p.status],
        (fields[p.status + 1], fields[p.status + 2]),
        &implementer,
        [a[0], a[1], a[2], a[3]],
    );
}
