//! The five real descriptions bundled as examples ("Open examples").

/// File name and bytes of each example; the first is S21498.
pub const EXAMPLES: [(&str, &[u8]); 5] = [
    (
        "000_2f4bdf7767fd6a31.txt",
        include_bytes!("../testdata/seeds/000_2f4bdf7767fd6a31.txt"),
    ),
    (
        "001_d1fd5f1036f524e3.txt",
        include_bytes!("../testdata/seeds/001_d1fd5f1036f524e3.txt"),
    ),
    (
        "002_42d1ac510dc6f05e.txt",
        include_bytes!("../testdata/seeds/002_42d1ac510dc6f05e.txt"),
    ),
    (
        "003_c113c283eaad9dcd.txt",
        include_bytes!("../testdata/seeds/003_c113c283eaad9dcd.txt"),
    ),
    (
        "004_c583bbdf69c07adf.txt",
        include_bytes!("../testdata/seeds/004_c583bbdf69c07adf.txt"),
    ),
];
