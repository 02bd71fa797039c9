//! The names shared by the app, its early scripts, its stylesheet and the build are defined
//! once, in `crates/app/src/contract.rs` (and the reading settings' in `crates/app/src/prefs/model.rs`):
//! - each script's `// <generated>` block is written from them (`clinic_build::derived_files`,
//!   checked in `tests/derived_files.rs`), so the scripts cannot drift;
//! - every `data-*` name the scripts, the stylesheet and the page template use is one of them,
//!   so a rename on one side fails here instead of breaking the page.

use std::path::Path;

use clinic_app::contract::DATA_ATTRIBUTES;
use clinic_app::prefs::model::choices;

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The `data-*` names in `text`.
fn data_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("data-") {
        let name: String = rest[at..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        // Not part of a longer word (`metadata-`).
        let word_start = at == 0 || !rest[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
        if word_start && name.len() > "data-".len() {
            names.push(name.trim_end_matches('-').to_string());
        }
        rest = &rest[at + "data-".len()..];
    }
    names
}

#[test]
fn every_data_attribute_the_scripts_styles_and_page_use_is_in_the_contract() {
    let settings: Vec<String> = choices()
        .iter()
        .map(|(name, _)| format!("data-{name}"))
        .collect();
    // Trunk's own, in the page template.
    let trunk = [
        "data-trunk",
        "data-trunk-public-url",
        "data-bin",
        "data-type",
        "data-bindgen-target",
        "data-wasm-opt",
        "data-target-path",
    ];
    let known = |name: &str| {
        DATA_ATTRIBUTES.contains(&name)
            || settings.iter().any(|s| s == name)
            || trunk.contains(&name)
    };
    let mut unknown = Vec::new();
    for file in [
        "style/main.css",
        "index.html",
        "crates/app/src/prefs/reading-settings.js",
        "public/boot.js",
        "crates/build/src/service-worker.js",
    ] {
        for name in data_names(&read(file)) {
            if !known(&name) {
                unknown.push(format!("{file}: {name}"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "data attributes that crates/app/src/contract.rs does not define: {unknown:#?}"
    );
}

#[test]
fn the_check_finds_a_name_outside_the_contract() {
    assert_eq!(
        data_names(".a[data-announcement-dismised] x{} metadata-x data-saved-copy"),
        ["data-announcement-dismised", "data-saved-copy"]
    );
    assert!(!DATA_ATTRIBUTES.contains(&"data-announcement-dismised"));
}
