//! [`transfer`]: every file the tests hold, and generated descriptions in every encoding
//! and line end the corpus writes, come back from the line stream equal to what `read`
//! gave, and the stream's lines stay small however large the file.

use std::path::Path;

use hankekuvaus::transfer::{write, Rebuild};
use hankekuvaus::{read, Options, Outcome};

fn round_trip(outcomes: &[Outcome]) -> (Vec<Outcome>, usize) {
    let mut out = Vec::new();
    write(outcomes.to_vec(), &mut out);
    let mut rebuild = Rebuild::new();
    let mut longest = 0;
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        longest = longest.max(line.len());
        rebuild.line(line).unwrap();
    }
    (rebuild.finish().unwrap(), longest)
}

#[test]
fn every_test_file_comes_back_equal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut files = 0;
    for dir in ["seeds", "breadth", "lists", "archives"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy();
            let outcomes = read(&bytes, &name, &Options::default());
            assert_eq!(round_trip(&outcomes).0, outcomes, "{name}");
            files += 1;
        }
    }
    assert_eq!(files, 16);
}

#[test]
fn generated_descriptions_come_back_equal() {
    for file in hankekuvaus_corpus::generate(300, 7) {
        let outcomes = read(&file.bytes, &file.name, &Options::default());
        assert_eq!(round_trip(&outcomes).0, outcomes, "{}", file.name);
    }
}

#[test]
fn a_large_description_is_many_small_lines() {
    // Generated files joined into one description of 3.4 MB: the shape of the
    // 50 MB file the app's bench loads.
    let mut big = Vec::new();
    for file in hankekuvaus_corpus::generate(400, 11) {
        if std::str::from_utf8(&file.bytes).is_ok() {
            big.extend_from_slice(&file.bytes);
            big.push(b'\n');
        }
    }
    let outcomes = read(&big, "iso.txt", &Options::default());
    let (back, longest) = round_trip(&outcomes);
    assert_eq!(back, outcomes);
    assert!(
        longest < 256 * 1024,
        "the longest line is {longest} bytes of a {} byte file",
        big.len()
    );
}

#[test]
fn a_paragraph_longer_than_a_piece_continues_in_pieces() {
    // 5,000 lines without a blank one: one paragraph of ~230 KB, cut where `ä` (two bytes)
    // may straddle a piece's end.
    let mut text = String::from(
        "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n1 Hanke\n\
         Hankekoodi: S21498\n3 Hankkeen sisältö\n",
    );
    for i in 0..5_000 {
        text.push_str(&format!("Hankkeessa kehitetään äänekkäästi, rivi {i}\n"));
    }
    let outcomes = read(text.as_bytes(), "pitka.txt", &Options::default());
    let Outcome::Document(doc) = &outcomes[0] else {
        panic!("a description")
    };
    let longest = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.len())
        .max();
    assert!(longest > Some(200_000), "{longest:?}");
    let (back, longest_line) = round_trip(&outcomes);
    assert_eq!(back, outcomes);
    assert!(longest_line < 256 * 1024, "{longest_line}");
}
