//! The loader's plain-Rust parts: progress, limits, batch sizes.

use super::*;
use crate::ingest::ingest;

#[test]
fn progress_of_two_overlapping_reads() {
    let mut p = Progress::new();
    p.begin(3);
    assert_eq!(p.phase, Phase::Running);
    let doc = ingest(
        crate::examples::EXAMPLES[0].0,
        crate::examples::EXAMPLES[0].1,
    );
    let bad = ingest("kuva.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    p.file_done(100, &doc);
    p.file_done(100, &bad);
    p.begin(2);
    assert_eq!((p.files_total, p.bytes_done, p.errors), (5, 200, 1));
    p.end(false);
    assert_eq!(p.phase, Phase::Running, "one read still runs");
    p.file_done(25, &doc);
    p.end(false);
    assert_eq!(p.phase, Phase::Finished);
    assert_eq!((p.files_done, p.bytes_done), (3, 225));
    assert!((p.fraction() - 0.6).abs() < 1e-9);
    p.begin(1);
    assert_eq!(
        p.files_total, 1,
        "a new read after an idle moment starts from zero"
    );
    p.end(true);
    assert_eq!(p.phase.as_str(), "cancelled");
    p.file_done(1, &[unreadable("x.txt")]);
    assert_eq!(p.errors, 1);
}

#[test]
fn renders_add_few_entries_while_the_page_makes_its_elements() {
    // A JSON export's 8,000 documents arrive at once: the renders they are split into.
    let mut added = 0;
    let mut renders = Vec::new();
    while added < 8_000 {
        let n = batch_max(added).min(8_000 - added);
        renders.push(n);
        added += n;
    }
    // Few entries while the list's elements are made (500 of them), then few renders.
    assert_eq!(renders, [40, 230, 230, 2_500, 2_500, 2_500]);
    assert_eq!(renders[..3].iter().sum::<usize>(), LIST_LIMIT);
    assert_eq!(renders.iter().sum::<usize>(), 8_000);
}

#[test]
fn limits_and_units() {
    assert_eq!(read_limit("kuvaus.txt"), Options::default().max_file_bytes);
    assert_eq!(read_limit("KAIKKI.JSON"), MAX_JSON_BYTES);
    let Entry::Failure(f) = too_large("video.mp4", 5.0 * 1024.0 * 1024.0 * 1024.0, 1 << 20) else {
        panic!("a failure entry")
    };
    assert_eq!(f.error.code, hankekuvaus::codes::Code::TooLarge.as_str());
    assert!(f.error.message.contains("5120.0 MB"), "{}", f.error.message);
    assert!(!refuses(20_000));
    assert!(refuses(20_001));
    assert_eq!(megabytes(12_345_678), "12.3");
    assert_eq!(Progress::new().fraction(), 1.0);
}
