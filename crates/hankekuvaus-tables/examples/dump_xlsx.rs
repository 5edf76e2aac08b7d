//! `dump_xlsx FILE.xlsx`: every sheet of a workbook, read back with calamine, as JSON on
//! stdout: `[{"name": …, "rows": [[[type, value], …], …]}, …]`, each cell with its type
//! (`s` text, `f` float, `i` integer, `b` boolean, `d` date as Excel's serial number, `e`
//! error, `empty`). The web app's end-to-end tests compare the page's workbook with the
//! CLI's through it (`tests/e2e/tests/workbook.test.mjs`).

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::{json, Value};

fn cell(data: &Data) -> Value {
    match data {
        Data::Empty => json!(["empty", null]),
        Data::String(s) => json!(["s", s]),
        Data::Float(f) => json!(["f", f]),
        Data::Int(i) => json!(["i", i]),
        Data::Bool(b) => json!(["b", b]),
        Data::DateTime(d) => json!(["d", d.as_f64()]),
        Data::DateTimeIso(s) | Data::DurationIso(s) => json!(["d", s]),
        Data::Error(e) => json!(["e", e.to_string()]),
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_xlsx FILE.xlsx");
        std::process::exit(2);
    };
    let mut book: Xlsx<_> = match open_workbook(&path) {
        Ok(book) => book,
        Err(e) => {
            eprintln!("{path}: not a workbook: {e}");
            std::process::exit(1);
        }
    };
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                eprintln!("{path}: sheet {name}: {e}");
                std::process::exit(1);
            }
        };
        let rows: Vec<Value> = range
            .rows()
            .map(|row| Value::Array(row.iter().map(cell).collect()))
            .collect();
        sheets.push(json!({ "name": name, "rows": rows }));
    }
    println!("{}", Value::Array(sheets));
}
