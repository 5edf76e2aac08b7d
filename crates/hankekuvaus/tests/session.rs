//! The session file of the viewer's "Save session" (`schema/session.schema.json`): a session
//! written by `export::session_json` matches its schema and reads back whole and item by
//! item with its view; damaged sessions are refused with a message naming the damage; the
//! README documents every member; and plain exports (an array, a single document, schema
//! version 1) still import.

use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};
use hankekuvaus::import::{import_json, import_session, json_items, View};
use hankekuvaus::*;
use serde_json::Value;

mod common;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The session schema, compiled with the document schema its items refer to.
fn session_schema() -> (Schemas, SchemaIndex) {
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    // The document schema under its `$id`, which the session's items refer to.
    let document: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("schema/document.schema.json")).unwrap(),
    )
    .unwrap();
    compiler
        .add_resource("urn:hankekatselin:schema:document:2", document)
        .unwrap();
    let session = repo_root().join("schema/session.schema.json");
    let index = compiler
        .compile(session.to_str().unwrap(), &mut schemas)
        .unwrap_or_else(|e| panic!("the session schema does not compile: {e:#}"));
    (schemas, index)
}

/// The seeds and a failure, as the viewer lists them after a drop.
fn outcomes() -> Vec<Outcome> {
    let mut out: Vec<Outcome> = common::seeds()
        .iter()
        .flat_map(|(name, bytes)| read(bytes, name, &Options::default()))
        .collect();
    out.push(parse_outcome(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "kuva.png",
        &Options::default(),
    ));
    out
}

fn view() -> View {
    [
        ("lang", "fi"),
        ("view", "overview"),
        ("project", "S20884"),
        ("tab", "source"),
        ("q", "työllisyys \"Etelä-Savo\" & #1"),
        ("region", "Etelä-Savo"),
        ("sort", "-granted_eu_state"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn sorted(mut view: View) -> View {
    view.sort();
    view
}

#[test]
fn a_session_matches_its_schema_and_holds_the_download_all_bytes() {
    let outcomes = outcomes();
    let session = export::session_json(&view(), &outcomes);
    let (schemas, index) = session_schema();
    let value: Value = serde_json::from_str(&session).unwrap();
    if let Err(e) = schemas.validate(&value, index) {
        panic!("the session does not match its schema:\n{e}");
    }
    let all = export::outcomes_json(&outcomes);
    assert!(
        session.contains(all.trim_end()),
        "the documents are the bytes of \"Download all\""
    );
    assert!(
        session
            .trim_end()
            .ends_with(&format!("{}}}", all.trim_end())),
        "the documents come last"
    );
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3);

    // The schema rejects what the reader rejects.
    for (what, damage) in [
        ("a later version", r#"{"session_version": 2}"#),
        ("a number in the view", r#"{"view": {"year": 2019}}"#),
        ("documents as an object", r#"{"documents": {}}"#),
        ("an unknown member", r#"{"extra": 1}"#),
        ("a bad tab", r#"{"view": {"tab": "cards"}}"#),
        (
            "a damaged document",
            r#"{"documents": [{"schema_version": 2}]}"#,
        ),
    ] {
        let mut damaged = value.clone();
        let patch: Value = serde_json::from_str(damage).unwrap();
        for (k, v) in patch.as_object().unwrap() {
            damaged[k.as_str()] = v.clone();
        }
        assert!(
            schemas.validate(&damaged, index).is_err(),
            "the schema accepts {what}"
        );
    }
}

#[test]
fn a_session_reads_back_whole_and_item_by_item_with_its_view() {
    let outcomes = outcomes();
    let session = export::session_json(&view(), &outcomes);
    let (read_view, read) = import_session(&session).unwrap();
    assert_eq!(read, outcomes);
    assert_eq!(read_view.map(sorted), Some(sorted(view())));
    assert_eq!(import_json(&session).unwrap(), outcomes);

    let mut items = json_items(session.as_bytes());
    assert_eq!(
        items.view().cloned().map(sorted),
        Some(sorted(view())),
        "the view comes before the items"
    );
    let streamed: Vec<Outcome> = items.by_ref().map(|i| i.unwrap()).collect();
    assert_eq!(streamed, outcomes);

    let empty = export::session_json(&[], &[]);
    assert_eq!(
        import_session(&empty).unwrap(),
        (Some(Vec::new()), Vec::new())
    );
    let mut items = json_items(empty.as_bytes());
    assert_eq!(items.view(), Some(&Vec::new()));
    assert!(items.next().is_none());
}

#[test]
fn damaged_sessions_are_refused_with_a_message_naming_the_damage() {
    let good = export::session_json(&view(), &outcomes()[..1]);
    let half = (good.len() / 2..)
        .find(|&i| good.is_char_boundary(i))
        .unwrap();
    let replace = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let cases = [
        (
            replace("\"session_version\": 1", "\"session_version\": 2"),
            "written for session version 2; this version reads version 1",
        ),
        (
            replace("\"session_version\": 1, ", ""),
            "has no \"session_version\"",
        ),
        (
            replace("\"session_version\": 1", "\"session_version\": \"1\""),
            "\"session_version\" is a string, not a number",
        ),
        (
            replace("\"view\": {", "\"view\": [{").replacen(
                "}, \"documents\"",
                "}], \"documents\"",
                1,
            ),
            "\"view\" is an array, not an object",
        ),
        (
            replace("\"tab\": \"source\"", "\"tab\": 2"),
            "the view's \"tab\" is a number, not a string",
        ),
        (
            replace("\"documents\": [", "\"documents\": {\"x\": [").replacen("]}\n", "]}}\n", 1),
            "\"documents\" is an object, not an array",
        ),
        (
            replace("\"view\": {", "\"extra\": true, \"view\": {"),
            "unknown member \"extra\"",
        ),
        (
            replace("\"schema_version\": 2", "\"schema_version\": 9"),
            "schema version 9",
        ),
        (good[..half].to_owned(), "cannot be read (EOF"),
        (format!("{good} x"), "cannot be read (trailing characters"),
    ];
    for (text, expected) in &cases {
        let error = import_json(text).expect_err(expected);
        assert!(
            error.message.contains(expected),
            "expected \"{expected}\" in: {}",
            error.message
        );
        assert_eq!(error.code, "json");
        // The item reader stops with an error too (and the viewer reads the file whole).
        let items: Vec<_> = json_items(text.as_bytes()).collect();
        assert!(
            items.last().is_some_and(Result::is_err),
            "the item reader stops on: {expected}"
        );
    }
    let no_documents = replace(", \"documents\": [", ", \"x\": [");
    assert!(import_json(&no_documents).is_err());
    let no_documents = r#"{"session_version": 1, "view": {}}"#;
    assert!(import_json(no_documents)
        .unwrap_err()
        .message
        .contains("has no \"documents\""));
}

#[test]
fn plain_single_and_version_1_exports_still_import() {
    let outcomes = outcomes();
    let plain = export::outcomes_json(&outcomes);
    assert_eq!(import_session(&plain).unwrap(), (None, outcomes.clone()));
    let mut items = json_items(plain.as_bytes());
    assert_eq!(items.view(), None);
    assert_eq!(
        items.by_ref().collect::<Result<Vec<_>, _>>().unwrap(),
        outcomes
    );

    let Outcome::Document(doc) = &outcomes[0] else {
        panic!("the first seed is a document")
    };
    let single = export::document_json(doc);
    assert_eq!(
        import_session(&single).unwrap(),
        (None, vec![outcomes[0].clone()])
    );

    let v1 =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/v1/export.json"))
            .unwrap();
    let (view, docs) = import_session(&v1).unwrap();
    assert_eq!(view, None);
    assert_eq!(docs.len(), 2, "a document and a failure record");
    let Outcome::Document(doc) = &docs[0] else {
        panic!("version 1 gives a document")
    };
    assert_eq!(doc.schema_version, SCHEMA_VERSION);
    // A session of a version 1 document (as an older viewer saved it) reads too.
    let v1_items: Value = serde_json::from_str(&v1).unwrap();
    let wrapped = format!(
        "{{\"session_version\": 1, \"view\": {{\"view\": \"overview\"}}, \"documents\": {v1_items}}}"
    );
    let (view, read) = import_session(&wrapped).unwrap();
    assert_eq!(read, docs);
    assert_eq!(view, Some(vec![("view".into(), "overview".into())]));
    let streamed: Vec<Outcome> = json_items(wrapped.as_bytes()).map(|i| i.unwrap()).collect();
    assert_eq!(streamed, docs);
}

/// `schema/README.md` documents the wrapper and every view key of the schema.
#[test]
fn the_readme_documents_every_session_member() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("schema/session.schema.json")).unwrap(),
    )
    .unwrap();
    let readme = std::fs::read_to_string(repo_root().join("schema/README.md")).unwrap();
    let mut members: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    members.extend(
        schema["properties"]["view"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| format!("view.{k}")),
    );
    assert!(members.len() >= 10, "{members:?}");
    let missing: Vec<&String> = members
        .iter()
        .filter(|m| !readme.contains(&format!("| `{m}` |")))
        .collect();
    assert!(missing.is_empty(), "README rows missing for {missing:?}");
}
