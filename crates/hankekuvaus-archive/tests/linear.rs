//! Opening an archive is linear in its members: ten times the members, or names ten times
//! as long, cost at most 15 times the allocations and allocated bytes. Counted, not timed,
//! so the test does not flake (the slow-input fuzz target times archives at 1 MiB).

#[path = "../../hankekuvaus/tests/common/counting.rs"]
mod counting;

use std::io::Write;

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

/// A stored archive of `members` small descriptions under names of `name_len` bytes.
fn archive(members: usize, name_len: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for k in 0..members {
        let name = format!("{}/{k}.txt", "d".repeat(name_len));
        zip.start_file(name, options).unwrap();
        zip.write_all(format!("Hankekoodi: S{k}\n").as_bytes())
            .unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn opening_is_linear_in_members_and_names() {
    let cost = |bytes: &[u8]| {
        counting::cost(|| {
            let archive =
                hankekuvaus_archive::open(bytes, "a.zip", &Default::default()).expect("an archive");
            assert!(archive.flatten().count() >= 100);
        })
    };
    for (what, small, large) in [
        ("members", archive(200, 8), archive(2000, 8)),
        ("names", archive(100, 100), archive(100, 1000)),
    ] {
        counting::assert_tenfold(what, cost(&small), cost(&large));
    }
}
