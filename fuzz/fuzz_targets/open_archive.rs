//! Arbitrary bytes as a ZIP archive: `hankekuvaus_archive::open` and every member, under
//! small limits so that a bomb is refused quickly. No panic, no member over the limits,
//! member names without `..` components, and one bad member never ends the listing early.
#![no_main]

use hankekuvaus_archive::{open, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_member_bytes: 1024 * 1024,
        max_total_bytes: 4 * 1024 * 1024,
        max_members: 1_000,
        max_nesting: 1,
    };
    let Ok(archive) = open(data, "fuzz.zip", &limits) else {
        return;
    };
    let mut total = 0u64;
    for member in archive {
        if let Ok(member) = member {
            assert!(
                member.bytes.len() as u64 <= limits.max_member_bytes,
                "member over the limit"
            );
            total += member.bytes.len() as u64;
            assert!(
                total <= limits.max_total_bytes,
                "archive over the total limit"
            );
            assert!(
                !member.name.split('/').any(|part| part == ".."),
                "unsafe name {}",
                member.name
            );
            drop(hankekuvaus::read(
                &member.bytes,
                &member.name,
                &Default::default(),
            ));
        }
    }
});
