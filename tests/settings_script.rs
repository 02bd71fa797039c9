//! `src/prefs/reading-settings.js` applies the reading settings before the wasm runs: its
//! tables (storage key, each setting's choices, the system's wishes) are generated from the
//! Rust model, so the two cannot drift apart.

use std::path::Path;

use clinic_article::prefs::model::script_tables;

const SCRIPT: &str = "src/prefs/reading-settings.js";
const START: &str = "// <generated>\n";
const END: &str = "// </generated>\n";

#[test]
fn the_settings_script_applies_the_models_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCRIPT);
    let script = std::fs::read_to_string(&path).expect("the settings script");
    let (before, rest) = script.split_once(START).expect("a <generated> line");
    let (_, after) = rest.split_once(END).expect("a </generated> line");
    let indent = before.rsplit('\n').next().unwrap_or("");
    let tables: String = script_tables()
        .lines()
        .map(|line| format!("{line}\n{indent}"))
        .collect();
    let expected = format!("{before}{START}{indent}{tables}{END}{after}");
    if std::env::var_os("UPDATE_SETTINGS_SCRIPT").is_some() {
        std::fs::write(&path, &expected).expect("write the settings script");
    } else {
        assert!(
            script == expected,
            "{SCRIPT} has drifted from src/prefs/model.rs: run UPDATE_SETTINGS_SCRIPT=1 cargo \
             test --test settings_script, then UPDATE_CSP_HASH=1 cargo test --test hosting_files"
        );
    }
}
