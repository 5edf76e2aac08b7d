//! `hankekuvaus search QUERY FILE...`: the same search as the viewer's, from
//! `hankekuvaus-search`, over every project of the files.

use std::io::{self, Write};

use hankekuvaus::{Document, Options, Outcome};
use hankekuvaus_search::{Index, Query, Snippet};
use rayon::prelude::*;
use serde_json::json;

use crate::cli::{SearchArgs, SearchFormat};
use crate::input;

/// The parsed projects with the file each came from.
struct Loaded {
    docs: Vec<Document>,
    files: Vec<String>,
}

/// Runs a search; returns the exit status (0 found, 1 nothing found, 2 bad query or a
/// file that cannot be read).
pub fn run(args: &SearchArgs) -> u8 {
    let query = match Query::parse(&args.query, false) {
        Ok(query) => query,
        Err(e) => {
            eprintln!("hankekuvaus: the query cannot be read: {e}");
            return 2;
        }
    };
    let (loaded, unreadable) = load(args);
    let mut index = Index::new();
    for (id, doc) in loaded.docs.iter().enumerate() {
        index.add(id as u32, doc);
    }
    let mut hits = index.search(&query);
    hits.truncate(args.limit.unwrap_or(usize::MAX));
    let mut out = io::stdout().lock();
    let written = hits.iter().enumerate().try_for_each(|(rank, hit)| {
        let doc = &loaded.docs[hit.doc as usize];
        let file = &loaded.files[hit.doc as usize];
        let found = Found {
            rank: rank + 1,
            doc,
            file,
            hit,
            snippets: index.hit_words(&query, hit.doc).snippets(doc, 2),
        };
        match args.format {
            SearchFormat::Text => write_text(&mut out, &found),
            SearchFormat::Ndjson => write_ndjson(&mut out, &found),
        }
    });
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("hankekuvaus: cannot write to standard output: {e}");
            return 2;
        }
    }
    if args.format == SearchFormat::Text {
        let projects = loaded.docs.len();
        eprintln!("{} of {projects} projects match", hits.len());
    }
    match (unreadable, hits.is_empty()) {
        (true, _) => 2,
        (false, true) => 1,
        (false, false) => 0,
    }
}

/// Reads and parses every input on every core; reports the files that are not read.
fn load(args: &SearchArgs) -> (Loaded, bool) {
    let options = Options::default();
    let read: Vec<_> = args
        .inputs
        .par_iter()
        .map(|input| {
            let (display, file_name) = crate::convert::names(input);
            // Each outcome with the name to show for it: an archive's member's own.
            let mut outcomes = Vec::new();
            let read = input::read(input, &file_name, &options, &mut |from, read| {
                let shown = crate::convert::shown_name(&display, &file_name, from);
                outcomes.extend(read.into_iter().map(|o| (shown.clone(), o)));
            });
            (display, read.map(|()| outcomes))
        })
        .collect();
    let mut loaded = Loaded {
        docs: Vec::new(),
        files: Vec::new(),
    };
    let mut unreadable = false;
    for (display, result) in read {
        match result {
            Ok(outcomes) => {
                for (shown, outcome) in outcomes {
                    match outcome {
                        Outcome::Document(doc) => {
                            loaded.docs.push(*doc);
                            loaded.files.push(shown);
                        }
                        Outcome::Failure(f) => {
                            eprintln!("{shown}: error[{}]: {}", f.error.code, f.error.message);
                        }
                    }
                }
            }
            Err(message) => {
                eprintln!("{display}: error: {message}");
                unreadable = true;
            }
        }
    }
    (loaded, unreadable)
}

/// `text` with its hits in \[brackets\].
fn bracketed(snippet: &Snippet) -> String {
    let mut out = String::with_capacity(snippet.text.len() + 4 * snippet.marks.len());
    let mut at = 0;
    for mark in &snippet.marks {
        out.push_str(&snippet.text[at..mark.start]);
        out.push('[');
        out.push_str(&snippet.text[mark.clone()]);
        out.push(']');
        at = mark.end;
    }
    out.push_str(&snippet.text[at..]);
    out
}

/// One hit as the writers see it: its rank (from 1), the project, its file, the hit and
/// the snippets to show.
struct Found<'a> {
    rank: usize,
    doc: &'a Document,
    file: &'a str,
    hit: &'a hankekuvaus_search::Hit,
    snippets: Vec<Snippet>,
}

fn write_text(out: &mut impl Write, found: &Found) -> io::Result<()> {
    let Found { rank, file, .. } = found;
    let code = found.doc.project.code.as_deref().unwrap_or("-");
    let name = found.doc.project.name.as_deref().unwrap_or("");
    let count = found.hit.hits;
    let hits = if count == 1 { "1 hit" } else { "hits" };
    let hits = if count == 1 {
        hits.to_owned()
    } else {
        format!("{count} {hits}")
    };
    writeln!(out, "{rank}. {code}  {name}  ({file}, {hits})")?;
    for snippet in &found.snippets {
        let line = snippet
            .source_line
            .map_or(String::new(), |l| format!("{l}: "));
        writeln!(out, "   {line}{}", bracketed(snippet))?;
    }
    Ok(())
}

fn write_ndjson(out: &mut impl Write, found: &Found) -> io::Result<()> {
    let snippets: Vec<_> = found
        .snippets
        .iter()
        .map(|s| {
            json!({
                "path": s.path,
                "line": s.source_line,
                "text": s.text,
                "marks": s.marks.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>(),
            })
        })
        .collect();
    let item = json!({
        "rank": found.rank,
        "code": found.doc.project.code,
        "name": found.doc.project.name,
        "file": found.file,
        "score": found.hit.score,
        "hits": found.hit.hits,
        "snippets": snippets,
    });
    writeln!(out, "{item}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_bracketed() {
        let snippet = Snippet {
            field: hankekuvaus_search::Field::Summary,
            path: "summary".into(),
            line_in_text: 0,
            source_line: Some(3),
            text: "nuoret ja maahanmuuttajat".into(),
            marks: vec![0..6, 10..25],
        };
        assert_eq!(bracketed(&snippet), "[nuoret] ja [maahanmuuttajat]");
    }
}
