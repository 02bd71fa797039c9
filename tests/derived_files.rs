//! The committed files made from others (schemas, the scripts' generated blocks, the CSP's
//! hashes) are current, and the generate command makes them so.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use tempfile::TempDir;

use clinic_build::derived_files::{
    derived_files, stale_files, write_derived_files, GENERATE_COMMAND,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_derived_file_is_current() {
    let stale = stale_files(root()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        stale.is_empty(),
        "{} out of date with their sources: run {GENERATE_COMMAND}",
        stale.join(", ")
    );
}

/// A copy of what the derived files are made from, and the files themselves.
fn project_copy() -> TempDir {
    let folder = tempfile::Builder::new()
        .prefix("clinic-derived-")
        .tempdir()
        .expect("a working folder");
    let copy = folder.path();
    let sources = ["index.html", "style/main.css"]
        .into_iter()
        .map(String::from);
    let derived = derived_files(root())
        .expect("the derived files")
        .into_iter()
        .map(|file| file.path);
    for path in sources.chain(derived) {
        let target = copy.join(&path);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("a folder");
        std::fs::copy(root().join(&path), &target).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    folder
}

#[test]
fn a_changed_source_makes_its_files_stale_until_generated_again() {
    let folder = project_copy();
    let copy = folder.path();
    assert_eq!(stale_files(copy), Ok(vec![]));

    // A new rule in the stylesheet changes its hash in both policy files.
    let css = copy.join("style/main.css");
    let mut style = std::fs::read_to_string(&css).expect("css");
    style.push_str("\n.new-rule { color: inherit; }\n");
    std::fs::write(&css, style).expect("write");
    // A script's generated block edited by hand is put back.
    let boot = copy.join("public/boot.js");
    let script = std::fs::read_to_string(&boot).expect("boot.js");
    std::fs::write(
        &boot,
        script.replacen("// <generated>\n", "// <generated>\nvar x = 1;\n", 1),
    )
    .expect("write");
    let schema = copy.join("schemas/site.schema.json");
    std::fs::remove_file(&schema).expect("remove");

    let expected = vec![
        "schemas/site.schema.json".to_string(),
        "public/boot.js".to_string(),
        "public/_headers".to_string(),
        "deploy/security-headers.conf".to_string(),
    ];
    assert_eq!(stale_files(copy), Ok(expected.clone()));
    assert_eq!(write_derived_files(copy), Ok(expected));
    assert_eq!(stale_files(copy), Ok(vec![]));
    assert_eq!(
        std::fs::read(&boot).expect("boot.js"),
        std::fs::read(root().join("public/boot.js")).expect("boot.js")
    );
    assert!(schema.is_file());
}
