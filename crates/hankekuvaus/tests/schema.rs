//! The JSON contract: what [`hankekuvaus`] serializes must match
//! `schema/document.schema.json` (JSON Schema 2020-12), and the schema must be strict
//! enough to reject a document that lacks a member or has a wrong type. The schema's
//! README must document every member and every stable code.

use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};
use hankekuvaus::codes::Code;
use hankekuvaus::*;
use serde_json::{json, Value};

#[path = "schema/fixtures.rs"]
mod fixtures;
use fixtures::{empty_document, full_document};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_path() -> PathBuf {
    repo_root().join("schema/document.schema.json")
}

/// The compiled schema. Compiling also checks the schema against the 2020-12 metaschema.
struct Validator {
    schemas: Schemas,
    index: SchemaIndex,
}

impl Validator {
    fn new() -> Validator {
        let mut schemas = Schemas::new();
        let mut compiler = Compiler::new();
        let path = schema_path();
        let index = compiler
            .compile(path.to_str().unwrap(), &mut schemas)
            .unwrap_or_else(|e| panic!("the schema does not compile: {e:#}"));
        Validator { schemas, index }
    }

    fn check(&self, value: &Value) -> Result<(), String> {
        self.schemas
            .validate(value, self.index)
            .map_err(|e| format!("{e}"))
    }

    fn assert_valid(&self, what: &str, value: &Value) {
        if let Err(e) = self.check(value) {
            panic!("{what} does not match the schema:\n{e}");
        }
    }

    fn assert_invalid(&self, what: &str, value: &Value) {
        assert!(
            self.check(value).is_err(),
            "the schema accepts {what}: {value:#}"
        );
    }
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

/// The five seed descriptions, sorted.
fn seeds() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo_root().join("testdata/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "expected the seeds, found {paths:?}");
    paths
}

fn failure_record() -> Value {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    match parse_outcome(png, "kuva.png", &Options::default()) {
        Outcome::Failure(f) => to_value(&f),
        Outcome::Document(d) => panic!("a PNG parsed as a document: {d:?}"),
    }
}

#[test]
fn every_seed_document_matches_the_schema() {
    let v = Validator::new();
    for path in seeds() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let doc = parse(&bytes, name)
            .unwrap_or_else(|e| panic!("{name} does not parse: [{}] {e}", e.code));
        v.assert_valid(name, &to_value(&doc));
        // As the CLI and the viewer write it: an array of outcomes, each item valid.
        let exported: Value =
            serde_json::from_str(&export::outcomes_json(&[Outcome::Document(Box::new(doc))]))
                .unwrap();
        v.assert_valid(name, &exported[0]);
    }
}

#[test]
fn failure_record_matches_the_schema() {
    let v = Validator::new();
    let record = failure_record();
    v.assert_valid("the failure record of a PNG", &record);
    let hand_built = to_value(&Failure {
        source: FailureSource {
            file_name: "tyhja.txt".into(),
            byte_count: 0,
            fingerprint: fingerprint(b""),
        },
        error: NotADescription {
            code: Code::Empty.as_str().into(),
            message: "The file is empty.".into(),
        },
    });
    v.assert_valid("a hand-built failure record", &hand_built);
}

#[test]
fn document_with_every_optional_member_null_matches_the_schema() {
    let value = to_value(&empty_document());
    // Absent values are written as null, not left out.
    assert_eq!(value["project"]["code"], Value::Null);
    assert!(value["project"].as_object().unwrap().contains_key("code"));
    assert_eq!(value["kind"], json!({"fund": null, "period": null}));
    Validator::new().assert_valid("a document with every optional member null", &value);
}

#[test]
fn document_with_every_member_set_matches_the_schema() {
    Validator::new().assert_valid("a fully populated document", &to_value(&full_document()));
}

/// Every object in `value`, by JSON pointer.
fn objects(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(pointer.clone());
            for (k, v) in map {
                // field_lines is a map, not a contract object: its keys are data.
                if k != "field_lines" {
                    objects(v, format!("{pointer}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                objects(v, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn removing_any_member_is_rejected() {
    let v = Validator::new();
    for (what, value) in [
        ("document", to_value(&full_document())),
        ("failure", failure_record()),
    ] {
        let mut pointers = Vec::new();
        objects(&value, String::new(), &mut pointers);
        let mut removed = 0;
        for pointer in pointers {
            let keys: Vec<String> = value
                .pointer(&pointer)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            for key in keys {
                let mut broken = value.clone();
                broken
                    .pointer_mut(&pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(&key);
                v.assert_invalid(&format!("a {what} without {pointer}/{key}"), &broken);
                removed += 1;
            }
        }
        assert!(removed >= 7, "only {removed} members tried in the {what}");
    }
}

#[test]
fn wrong_types_and_unknown_members_are_rejected() {
    let v = Validator::new();
    let doc = to_value(&full_document());
    let cases: &[(&str, Value)] = &[
        ("/schema_version", json!(1)),
        ("/schema_version", json!(3)),
        ("/schema_version", json!("1")),
        ("/source/format", json!("pdf")),
        ("/project/status", json!("keskeytynyt")),
        ("/source/encoding", json!("latin1")),
        ("/source/fingerprint", json!("S21498")),
        ("/source/byte_count", json!(-1)),
        ("/kind/fund", json!("ESF")),
        ("/kind/period", json!("2028-2034")),
        ("/kind/fund", json!("ESR-")),
        ("/source/list", json!("eura2014-xlsx")),
        ("/source/row", json!(0)),
        ("/project/programme", json!(3)),
        ("/funding/planned_total", json!("200 000")),
        ("/project/code", json!(21498)),
        ("/project/start_date", json!("1.1.2019")),
        ("/project/status", json!("päättynyt")),
        ("/project/priority_axis", json!("3. Työllisyys")),
        ("/project/priority_axis/name", Value::Null),
        ("/applicant/business_id_valid", json!("yes")),
        ("/applicant/co_implementers", json!({})),
        ("/funding/granted_eu_state", json!("48 724")),
        ("/area/regions", json!("Etelä-Savo")),
        ("/area/national", Value::Null),
        ("/indicators/0/planned", json!("12")),
        ("/indicators/0/name", Value::Null),
        ("/sustainability/0/direct", json!(11)),
        ("/sustainability/0/indirect", json!(-1)),
        ("/sections/1/line", json!(0)),
        ("/sections/1/subsections/0/fields/0/line", json!("6")),
        ("/field_lines/project.code", json!("7")),
        ("/diagnostics/0/severity", json!("fatal")),
        ("/diagnostics/0/code", json!("Bad Amount")),
        ("/diagnostics/1/line", json!(0)),
    ];
    for (pointer, wrong) in cases {
        let mut broken = doc.clone();
        *broken
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the document")) = wrong.clone();
        v.assert_invalid(&format!("{pointer} = {wrong}"), &broken);
    }

    for pointer in [
        "",
        "/project",
        "/area/site",
        "/sections/1/subsections/0",
        "/diagnostics/0",
    ] {
        let mut broken = doc.clone();
        broken
            .pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("extra".into(), json!(1));
        v.assert_invalid(&format!("an unknown member in {pointer:?}"), &broken);
    }

    let mut broken = doc.clone();
    broken["field_lines"]["Project Code"] = json!(7);
    v.assert_invalid("a field_lines key that is not a JSON path", &broken);

    let mut failure = failure_record();
    failure["error"]["code"] = Value::Null;
    v.assert_invalid("a failure without an error code", &failure);
    v.assert_invalid("an array instead of one item", &json!([doc]));
}

#[test]
fn documents_that_the_schema_accepts_are_imported_unchanged() {
    let doc = full_document();
    let json = export::document_json(&doc);
    Validator::new().assert_valid(
        "the exported document",
        &serde_json::from_str(&json).unwrap(),
    );
    let imported = import::import_json(&json).expect("the export imports");
    assert_eq!(imported, vec![Outcome::Document(Box::new(doc))]);
}

/// Member paths as the README's tables name them (`project.priority_axis.number`,
/// `indicators[].planned`), found by walking the schema from `def`.
fn member_paths(
    schema: &Value,
    def: &str,
    prefix: &str,
    stack: &mut Vec<String>,
    out: &mut Vec<String>,
) {
    if stack.iter().any(|d| d == def) {
        return; // sections.subsections: documented once
    }
    stack.push(def.to_owned());
    let props = schema["$defs"][def]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("$defs/{def} has no properties"));
    for (name, member) in props {
        let path = format!("{prefix}{name}");
        out.push(path.clone());
        let (target, array) = if let Some(r) = member["$ref"].as_str() {
            (Some(r), false)
        } else if let Some(r) = member["anyOf"][0]["$ref"].as_str() {
            (Some(r), false)
        } else if let Some(r) = member["items"]["$ref"].as_str() {
            (Some(r), true)
        } else {
            (None, false)
        };
        if let Some(r) = target {
            let sub = r.trim_start_matches("#/$defs/");
            let sep = if array { "[]." } else { "." };
            member_paths(schema, sub, &format!("{path}{sep}"), stack, out);
        }
    }
    stack.pop();
}

#[test]
fn readme_documents_every_member_and_code() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
    let readme = std::fs::read_to_string(repo_root().join("schema/README.md")).unwrap();

    let mut paths = Vec::new();
    member_paths(&schema, "document", "", &mut Vec::new(), &mut paths);
    member_paths(
        &schema,
        "section",
        "sections[].",
        &mut Vec::new(),
        &mut paths,
    );
    member_paths(&schema, "failure", "", &mut Vec::new(), &mut paths);
    assert!(paths.len() > 100, "{paths:?}");
    let undocumented: Vec<&String> = paths
        .iter()
        .filter(|p| !readme.contains(&format!("| `{p}` |")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "README rows missing for {undocumented:?}"
    );

    // Every stable code the parser can produce.
    let codes: Vec<&str> = codes::Code::ALL.iter().map(|c| c.as_str()).collect();
    assert!(codes.len() >= 25, "{codes:?}");
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !readme.contains(&format!("| `{c}` |")))
        .collect();
    assert!(missing.is_empty(), "README lacks the codes {missing:?}");
}

/// Amounts keep their cents through export and import; whole amounts stay JSON integers
/// (the golden files of schema version 1 import unchanged), and a number that is not whole
/// cents is refused rather than rounded.
#[test]
fn amounts_import_with_and_without_cents() {
    let golden = std::fs::read_to_string(
        repo_root().join("crates/hankekuvaus/tests/golden/seeds/000_2f4bdf7767fd6a31.json"),
    )
    .unwrap();
    let imported = import::import_json(&golden).expect("a golden file imports");
    let [Outcome::Document(doc)] = imported.as_slice() else {
        panic!("one document");
    };
    assert_eq!(doc.funding.granted_eu_state, Some(Amount::euros(48_724)));
    assert_eq!(
        export::document_json(doc),
        golden,
        "whole amounts are written as before"
    );

    let mut value: Value = serde_json::from_str(&golden).unwrap();
    value["funding"]["realized_eu_state"] = json!(99355.99);
    let imported = import::import_json(&value.to_string()).expect("cents import");
    let [Outcome::Document(doc)] = imported.as_slice() else {
        panic!("one document");
    };
    assert_eq!(
        doc.funding.realized_eu_state,
        Some(Amount::from_cents(9_935_599))
    );
    assert!(export::document_json(doc).contains("\"realized_eu_state\": 99355.99,"));

    value["funding"]["realized_eu_state"] = json!(12.345);
    let err = import::import_json(&value.to_string()).unwrap_err();
    assert!(err.message.contains("12.345"), "{}", err.message);
}

/// An export written by schema version 1 (the CLI before list exports: a 2007–2013
/// description and a failure record, `tests/v1/export.json`) matches the frozen version 1
/// schema and still imports: as version 2 documents whose new members are null, which match
/// the current schema.
#[test]
fn a_version_1_export_imports_as_version_2() {
    let text = std::fs::read_to_string(repo_root().join("crates/hankekuvaus/tests/v1/export.json"))
        .unwrap();
    let v1: Value = serde_json::from_str(&text).unwrap();
    let mut schemas = Schemas::new();
    let v1_path = repo_root().join("schema/document.v1.schema.json");
    let v1_index = Compiler::new()
        .compile(v1_path.to_str().unwrap(), &mut schemas)
        .unwrap();
    for item in v1.as_array().unwrap() {
        schemas
            .validate(item, v1_index)
            .unwrap_or_else(|e| panic!("the fixture is not version 1: {e}"));
    }
    assert_eq!(v1[0]["schema_version"], json!(1));

    let imported = import::import_json(&text).expect("a version 1 export imports");
    let [Outcome::Document(doc), Outcome::Failure(failure)] = imported.as_slice() else {
        panic!("a document and a failure: {imported:?}");
    };
    assert_eq!(doc.schema_version, SCHEMA_VERSION);
    assert_eq!(doc.project.code.as_deref(), Some("S10234"));
    assert_eq!(doc.kind.period, Some(Period::P2007_2013));
    assert_eq!(doc.funding.granted_eu_state, Some(Amount::euros(412_000)));
    assert_eq!((doc.source.list, doc.source.row), (None, None));
    assert_eq!(doc.project.programme, None);
    assert_eq!(doc.funding.planned_total, None);
    assert_eq!(failure.error.code, codes::IMAGE);
    let v = Validator::new();
    for outcome in &imported {
        v.assert_valid("an upgraded version 1 item", &to_value(outcome));
    }
    // The same file through the item-by-item reader.
    let streamed: Vec<Outcome> = import::json_items(text.as_bytes())
        .collect::<Result<_, _>>()
        .expect("streamed");
    assert_eq!(streamed, imported);
}

/// Every row of every list file in `testdata/lists/` matches the schema, as the CLI writes it.
#[test]
fn every_list_row_matches_the_schema() {
    let v = Validator::new();
    let dir = repo_root().join("testdata/lists");
    let mut rows = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let bytes = std::fs::read(&path).unwrap();
        for outcome in read(&bytes, &name, &Options::default()) {
            let Outcome::Document(doc) = &outcome else {
                panic!("{name}: {outcome:?}");
            };
            assert!(doc.source.list.is_some(), "{name}");
            v.assert_valid(&name, &to_value(&outcome));
            rows += 1;
        }
    }
    assert!(rows >= 499 + 144 + 3 + 3, "{rows}");
}
