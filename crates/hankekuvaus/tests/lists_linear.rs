//! The list readers are linear: a 10× larger list, or a row with 10× the fields, may cost at
//! most 15× the allocations and allocated bytes. Counted with a counting allocator, not
//! timed, so the test does not flake; in a binary of its own, as the counters are global.

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

/// The counters are global: the tests of this binary take turns.
static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The list readers are linear too, also in the number of fields of a row: a row with a
/// thousand commas inside its name, ten times over, and a list of ten times the rows.
#[test]
fn list_readers_are_linear_in_rows_and_fields() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let header = "Koodi,Rahasto,Projektin nimi,Ohjelma / osio,Tl,Viranomainen,Toiminnan tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä\n";
    // Commas that look like fields of fixed shape: a programme and axis, dates.
    let row = |k: usize, commas: usize| {
        let name = vec!["Itä-Suomi,1,1.1.2009,1.2.2009"; commas].join(",");
        format!("A{k},EAKR,Nimi,{name},Itä-Suomi,1,Lapin liitto,Toiminta päättynyt,1.1.2009,31.12.2010,Oy Ab,1000,500,2000,1000\n")
    };
    let list = |rows: usize, commas: usize| {
        let mut s = header.to_owned();
        for k in 0..rows {
            s.push_str(&row(k, commas));
        }
        s
    };
    let cost = |text: &str| {
        counting::cost(|| {
            let outcomes = hankekuvaus::read(text.as_bytes(), "l.csv", &Default::default());
            assert!(!outcomes.is_empty());
            drop(outcomes);
        })
    };
    for (what, small, large) in [
        ("rows", list(200, 1), list(2000, 1)),
        ("fields", list(2, 100), list(2, 1000)),
    ] {
        counting::assert_tenfold(what, cost(&small), cost(&large));
    }
}

/// The workbook reader is linear in rows, in cells of a row and in shared strings: ten
/// times of each costs at most 15 times the allocations and bytes (the slow-input fuzz
/// target times the same shapes, and hostile ones, at 1 MiB).
#[cfg(feature = "xlsx")]
#[test]
fn workbook_reader_is_linear_in_rows_cells_and_strings() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    use hankekuvaus_corpus::COLUMNS_2021 as COLUMNS;
    use rust_xlsxwriter::Workbook;
    // `rows` projects of `width` extra cells each, every text its own shared string.
    let workbook = |rows: u32, width: u16| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, name) in COLUMNS.iter().enumerate() {
            ws.write_string(0, c as u16, *name).unwrap();
        }
        for r in 1..=rows {
            ws.write_string(r, 0, format!("EURA{r:06}")).unwrap();
            ws.write_string(r, 2, format!("Hanke {r}")).unwrap();
            for c in 0..width {
                ws.write_string(r, 35 + c, format!("{r}-{c}")).unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let cost = |bytes: &[u8]| {
        counting::cost(|| {
            let outcomes = hankekuvaus::read(bytes, "l.xlsx", &Default::default());
            assert!(outcomes.len() > 1, "read as a list");
            drop(outcomes);
        })
    };
    for (what, small, large) in [
        ("rows", workbook(200, 1), workbook(2000, 1)),
        ("cells and strings", workbook(2, 200), workbook(2, 2000)),
    ] {
        counting::assert_tenfold(what, cost(&small), cost(&large));
    }
}
