//! Files made from other files, committed so that editors and hosts read them as they are:
//! - the content's JSON Schemas (`schemas/`), from the content types;
//! - the editors' page's configuration (`public/admin/config.yml`), from the content types;
//! - each early script's `// <generated>` block, from `crate::contract` and the reading
//!   settings' tables;
//! - the Content-Security-Policy's hashes of what `index.html` inlines (the settings script
//!   and the stylesheet, as the pages ship it), in `public/_headers` and `deploy/security-headers.conf`;
//! - the editors' page's own policy (`crate::editors_page::EDITORS_POLICY`), in
//!   `public/_headers`, `deploy/nginx.conf` and the page itself.
//!
//! [`GENERATE_COMMAND`] writes them all (and `tools/dev.sh build` runs it); a test only checks
//! that they are current.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::editors_page::{EDITORS_POLICY, HEADER_ONLY, PREVIEW_STYLESHEET};
use crate::stylesheet::shipped_stylesheet;
use clinic_app::contract::script_constants;
use clinic_app::prefs::model::script_tables;
use clinic_content::load::EDITORS_DIR;
use clinic_editor::cms::ARTICLES;
use clinic_editor::cms::{config_yml, CONFIG_FILE};
use clinic_editor::schema::{schemas, SCHEMA_DIR};
use clinic_editor::sources::write_whole;

/// Writes every derived file.
pub const GENERATE_COMMAND: &str = "cargo run --bin content -- generate";

/// The scripts `index.html` inlines, and the policy directive that must allow each by its hash.
const INLINED: [(&str, &str); 2] = [
    (
        "crates/app/src/prefs/reading-settings.js",
        "script-src 'self' 'wasm-unsafe-eval'",
    ),
    ("style/main.css", "style-src 'self'"),
];
/// The files that carry the Content-Security-Policy.
const POLICY_FILES: [&str; 2] = ["public/_headers", "deploy/security-headers.conf"];

const START: &str = "// <generated>\n";
const END: &str = "// </generated>\n";

/// A derived file: its path in the project and its text as it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedFile {
    pub path: String,
    pub text: String,
}

/// Every derived file as its sources under `root` make it, in the order they depend on each
/// other: a script's generated block before the hash of that script.
pub fn derived_files(root: &Path) -> Result<Vec<DerivedFile>, String> {
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|error| format!("{path}: {error}"))
    };
    let mut files: Vec<DerivedFile> = schemas()
        .into_iter()
        .map(|(name, text)| DerivedFile {
            path: format!("{SCHEMA_DIR}/{name}"),
            text,
        })
        .collect();
    files.push(DerivedFile {
        path: CONFIG_FILE.to_string(),
        text: config_yml(
            std::fs::read_to_string(root.join(CONFIG_FILE))
                .ok()
                .as_deref(),
        )?,
    });
    for (path, block) in [
        (
            "crates/app/src/prefs/reading-settings.js",
            format!("{}{}", script_tables(), script_constants()),
        ),
        ("public/boot.js", script_constants()),
        ("crates/build/src/service-worker.js", script_constants()),
        (EDITORS_SCRIPT, editors_constants()),
    ] {
        let text =
            with_generated_block(&read(path)?, &block).map_err(|e| format!("{path}: {e}"))?;
        files.push(DerivedFile {
            path: path.to_string(),
            text,
        });
    }
    let index = read("index.html")?;
    for policy_file in POLICY_FILES {
        let mut policy = read(policy_file)?;
        for (inlined, directive) in INLINED {
            if !index.contains(&format!("rel=\"inline\" href=\"{inlined}\"")) {
                return Err(format!("index.html does not inline {inlined}"));
            }
            // The script as this run writes it, when it has a generated block; the
            // stylesheet as the pages ship it.
            let text = match files.iter().find(|file| file.path == inlined) {
                Some(file) => file.text.clone(),
                None if inlined.ends_with(".css") => shipped_stylesheet(&read(inlined)?)?,
                None => read(inlined)?,
            };
            policy = with_hash(&policy, directive, &csp_hash(&text))
                .map_err(|e| format!("{policy_file}: {e}"))?;
        }
        files.push(DerivedFile {
            path: policy_file.to_string(),
            text: policy,
        });
    }
    for path in EDITORS_POLICY_FILES {
        let with_policy =
            |text: &str| with_editors_policy(text).map_err(|e| format!("{path}: {e}"));
        match files.iter_mut().find(|file| file.path == path) {
            Some(file) => file.text = with_policy(&file.text)?,
            None => files.push(DerivedFile {
                path: path.to_string(),
                text: with_policy(&read(path)?)?,
            }),
        }
    }
    Ok(files)
}

/// The editors' page's script, whose generated block names what the build and the
/// configuration call things.
const EDITORS_SCRIPT: &str = "public/admin/editors.js";
/// The files that carry the editors' page's policy, each on the line that names the page.
const EDITORS_POLICY_FILES: [&str; 3] = [
    "public/_headers",
    "deploy/nginx.conf",
    "public/admin/index.html",
];

fn editors_constants() -> String {
    format!(
        "var ARTICLES_COLLECTION = \"{ARTICLES}\";\nvar PREVIEW_STYLESHEET = \"{PREVIEW_STYLESHEET}\";\n"
    )
}

/// `text` with [`EDITORS_POLICY`] on its one line that sets the editors' page's policy: the
/// line after the one naming `/admin/` (`_headers`, nginx), or the page's own `<meta>`.
fn with_editors_policy(text: &str) -> Result<String, String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|line| line.contains("http-equiv=\"Content-Security-Policy\""))
        .or_else(|| {
            let named = lines.iter().position(|line| {
                line.trim_start().starts_with(&format!("/{EDITORS_DIR}"))
                    || line.contains(&format!("location /{EDITORS_DIR} "))
            })?;
            (named + 1..lines.len()).find(|&n| {
                lines[n].contains("Content-Security-Policy") && !lines[n].contains("! Content")
            })
        })
        .ok_or("no line sets the editors' page's Content-Security-Policy")?;
    let line = &lines[at];
    let start = line
        .find("default-src")
        .ok_or("its policy does not start with default-src")?;
    let end = start
        + line[start..]
            .find(['"', '\n'])
            .ok_or("its policy does not end")?;
    let policy = if line.contains("<meta") {
        EDITORS_POLICY.replace(HEADER_ONLY, "")
    } else {
        EDITORS_POLICY.to_string()
    };
    lines[at] = format!("{}{policy}{}", &line[..start], &line[end..]);
    Ok(lines.concat())
}

/// The derived files under `root` that differ from what their sources make.
pub fn stale_files(root: &Path) -> Result<Vec<String>, String> {
    Ok(derived_files(root)?
        .into_iter()
        .filter(|file| {
            std::fs::read_to_string(root.join(&file.path)).ok() != Some(file.text.clone())
        })
        .map(|file| file.path)
        .collect())
}

/// Writes the derived files under `root` that are not current, and returns their paths.
pub fn write_derived_files(root: &Path) -> Result<Vec<String>, String> {
    let stale = stale_files(root)?;
    for file in derived_files(root)? {
        if stale.contains(&file.path) {
            write_whole(&root.join(&file.path), &file.text)?;
        }
    }
    Ok(stale)
}

/// `script` with its generated block replaced by `block`, indented like its opening line.
fn with_generated_block(script: &str, block: &str) -> Result<String, String> {
    let (before, rest) = script.split_once(START).ok_or("no // <generated> line")?;
    let (_, after) = rest.split_once(END).ok_or("no // </generated> line")?;
    let indent = before.rsplit('\n').next().unwrap_or("");
    let lines: String = block
        .lines()
        .map(|line| format!("{line}\n{indent}"))
        .collect();
    Ok(format!("{before}{START}{indent}{lines}{END}{after}"))
}

/// The CSP source that allows exactly `text` inline: `'sha256-…'`.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `policy` with `directive` allowing `hash` as its one inline element.
fn with_hash(policy: &str, directive: &str, hash: &str) -> Result<String, String> {
    let (before, after) = policy
        .split_once(directive)
        .ok_or_else(|| format!("no \"{directive}\" in the policy"))?;
    let rest = &after[after.find(';').unwrap_or(after.len())..];
    Ok(format!("{before}{directive} {hash}{rest}"))
}
