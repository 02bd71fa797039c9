//! The JSON Schemas that editors' tools check content files against: generated from the
//! content types, committed in `schemas/`, named by every content file, and as strict as the
//! decoder where a schema can be.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use clinic_editor::schema::{ARTICLE_SCHEMA, INDEX_SCHEMA, LOCALE_SCHEMA, SCHEMA_DIR, SITE_SCHEMA};
use serde_json::{json, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn validator(schema: &str) -> jsonschema::Validator {
    let schema = read_json(&root().join(SCHEMA_DIR).join(schema));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{schema}: {e}"))
}

/// Every content file of the shipped site and of the browser tests' fixture, with the schema
/// that describes it.
fn content_files() -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    for content in [
        root().join("public/content"),
        root().join("tests/fixtures/content"),
    ] {
        files.push((content.join("site.json"), SITE_SCHEMA));
        files.push((content.join("articles.json"), INDEX_SCHEMA));
        // Articles written in JSON (the shipped ones are written in Markdown).
        for entry in std::fs::read_dir(content.join("articles"))
            .into_iter()
            .flatten()
            .flatten()
        {
            files.push((entry.path(), ARTICLE_SCHEMA));
        }
        for entry in std::fs::read_dir(content.join("locales"))
            .into_iter()
            .flatten()
            .flatten()
        {
            files.push((entry.path(), LOCALE_SCHEMA));
        }
    }
    files
}

#[test]
fn every_content_file_names_its_schema_and_follows_it() {
    for (file, schema) in content_files() {
        let json = read_json(&file);
        let named = json["$schema"]
            .as_str()
            .unwrap_or_else(|| panic!("{file:?} names no \"$schema\""));
        // From where the file is (a fixture may link to a shipped file).
        let real = file.canonicalize().expect("the file");
        let resolved = real.parent().expect("folder").join(named);
        assert_eq!(
            resolved.canonicalize().ok(),
            root().join(SCHEMA_DIR).join(schema).canonicalize().ok(),
            "{file:?}: \"$schema\" must lead to {SCHEMA_DIR}/{schema}"
        );
        let errors: Vec<String> = validator(schema)
            .iter_errors(&json)
            .map(|error| format!("{}: {error}", error.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file:?}: {errors:#?}");
    }
}

/// What is broken, the valid file, and the change that breaks it.
type Breakage = (&'static str, Value, fn(&mut Value));

#[test]
fn a_broken_file_does_not_follow_its_schema() {
    let article = read_json(
        &root().join("tests/fixtures/content/articles/walking-comfortably-in-winter.json"),
    );
    let site = read_json(&root().join("tests/fixtures/content/site.json"));
    let broken: [Breakage; 7] = [
        ("a misspelt key", article.clone(), |a| {
            a["titel"] = json!("x")
        }),
        ("a missing key", article.clone(), |a| {
            a.as_object_mut().expect("object").remove("title");
        }),
        ("a number for text", article.clone(), |a| {
            a["title"] = json!(7)
        }),
        ("an unknown span kind", article.clone(), |a| {
            a["intro"][0]["paragraph"][0] = json!({ "bold": "x" })
        }),
        ("a slug with capitals", article.clone(), |a| {
            a["slug"] = json!("Walking")
        }),
        ("a date that is not YYYY-MM-DD", article.clone(), |a| {
            a["published"] = json!("4 March 2026")
        }),
        (
            "a script link",
            site,
            |s| {
                s["announcement"][1] =
                    json!({ "link": { "text": "x", "href": "javascript:alert(1)" } })
            },
        ),
    ];
    for (what, mut json, change) in broken {
        let schema = if json.get("clinic_name").is_some() {
            SITE_SCHEMA
        } else {
            ARTICLE_SCHEMA
        };
        assert!(
            validator(schema).is_valid(&json),
            "{what}: valid before the change"
        );
        change(&mut json);
        assert!(
            !validator(schema).is_valid(&json),
            "{what} passes the schema"
        );
    }
}
