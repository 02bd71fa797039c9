//! The JSON-LD of every article, shipped and fixture, checked against schema.org's vocabulary:
//! each node is typed with schema-dts (TypeScript types generated from schema.org) and the
//! TypeScript compiler refuses a property the type does not have or a value of the wrong
//! kind. Needs the npm tools that `tools/dev.sh` installs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_content::load::parse;
use clinic_content::structured_data::json_ld;
use clinic_content::words::{locale_file, Words};
use clinic_content::{Article, ArticleIndex, SiteSettings};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read<T: serde::de::DeserializeOwned + clinic_content::validate::Validate>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    parse(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Every article of a content folder, with the folder's site settings.
fn articles_of(content: &Path) -> Vec<(Article, SiteSettings)> {
    let site: SiteSettings = read(&content.join("site.json"));
    let index: ArticleIndex = read(&content.join("articles.json"));
    index
        .articles
        .iter()
        .map(|summary| {
            let file = content
                .join("articles")
                .join(format!("{}.json", summary.slug));
            (read(&file), site.clone())
        })
        .collect()
}

/// A TypeScript module that declares each node of each JSON-LD document as the schema-dts
/// type its `@type` names.
fn typed_module(documents: &[Value]) -> String {
    let mut types = std::collections::BTreeSet::new();
    let mut declarations = String::new();
    for (document, json) in documents.iter().enumerate() {
        assert_eq!(json["@context"], "https://schema.org");
        for (position, node) in json["@graph"]
            .as_array()
            .expect("a graph")
            .iter()
            .enumerate()
        {
            let kind = node["@type"].as_str().expect("a @type");
            types.insert(kind.to_string());
            declarations.push_str(&format!(
                "export const node_{document}_{position}: {kind} = {node};\n"
            ));
        }
    }
    let imports: Vec<String> = types.into_iter().collect();
    format!(
        "import type {{ {} }} from \"schema-dts\";\n{declarations}",
        imports.join(", ")
    )
}

/// Type-checks `module`, returning the compiler's complaints.
fn type_check(name: &str, module: &str) -> Result<(), String> {
    let tools = root().join("tools/node_modules");
    let tsc = tools.join("typescript/bin/tsc");
    assert!(
        tsc.is_file() && tools.join("schema-dts").is_dir(),
        "typescript and schema-dts are missing: run tools/dev.sh setup"
    );
    let dir: PathBuf = root().join("target/schema-org-check").join(name);
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join("json-ld.ts");
    std::fs::write(&file, module).expect("write");
    let output = Command::new("node")
        .arg(&tsc)
        .args([
            "--noEmit",
            "--strict",
            "--skipLibCheck",
            "--moduleResolution",
            "node",
        ])
        .args(["--module", "commonjs", "--target", "es2020", "--typeRoots"])
        .arg(tools.join("@types"))
        .arg("--baseUrl")
        .arg(&tools)
        .arg(&file)
        .current_dir(&tools)
        .output()
        .expect("run tsc");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

#[test]
fn every_article_json_ld_uses_schema_org_types_and_properties() {
    let mut documents: Vec<Value> = Vec::new();
    // The shipped content as a build publishes it, its Markdown articles written in.
    let (copy, published) = clinic_editor::sources::published_copy(
        &root().join("public/content"),
        &root().join(clinic_editor::sources::SOURCES_DIR),
        &root().join("public"),
    )
    .expect("a published copy");
    assert!(published.problems.is_empty(), "{:?}", published.problems);
    for content in [
        copy.path().join("content"),
        root().join("tests/fixtures/content"),
    ] {
        for (article, site) in articles_of(&content) {
            let table = content
                .join(locale_file(site.language_of(&article)).trim_start_matches("content/"));
            let words: Words =
                serde_json::from_str(&std::fs::read_to_string(table).expect("a table"))
                    .expect("a table");
            documents.push(
                serde_json::from_str(&json_ld(&article, &site, &words, &Default::default()))
                    .expect("JSON"),
            );
        }
    }
    let typed = documents
        .iter()
        .filter(|d| d["@graph"][0].get("reviewedBy").is_some())
        .count();
    assert!(typed > 0, "some article names a medical reviewer");
    if let Err(complaints) = type_check("articles", &typed_module(&documents)) {
        panic!("the JSON-LD is not schema.org's vocabulary:\n{complaints}");
    }

    // The check itself: a misspelt property, or one on a nested node, is refused.
    let mut misspelt = documents[0].clone();
    let page = misspelt["@graph"][0].as_object_mut().expect("the page");
    let publisher = page.remove("publisher").expect("a publisher");
    page.insert("publsher".into(), publisher);
    let mut nested = documents[0].clone();
    nested["@graph"][0]["publisher"]["telephoneNumber"] = "+1555".into();
    for (name, broken) in [("misspelt", misspelt), ("nested", nested)] {
        let complaints = type_check(name, &typed_module(&[broken]))
            .expect_err("a property schema.org does not have is refused");
        assert!(complaints.contains("error TS"), "{name}: {complaints}");
    }
}
