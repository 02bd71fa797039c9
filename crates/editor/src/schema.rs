//! The JSON Schema of each kind of content file, generated from the types that decode it, so
//! an editor's tools (VS Code and others) complete and check a file as it is typed. The
//! committed copies live in `schemas/`; `tests/content_schema.rs` fails when they drift.

use schemars::{schema_for, Schema};

use clinic_content::model::{Article, ArticleIndex, SiteSettings};
use clinic_content::words::words_schema;

/// Where the schemas are committed, relative to the project.
pub const SCHEMA_DIR: &str = "schemas";
pub const SITE_SCHEMA: &str = "site.schema.json";
pub const INDEX_SCHEMA: &str = "articles.schema.json";
pub const ARTICLE_SCHEMA: &str = "article.schema.json";
pub const LOCALE_SCHEMA: &str = "locale.schema.json";

/// Each schema file's name and text.
pub fn schemas() -> [(&'static str, String); 4] {
    [
        (SITE_SCHEMA, text(schema_for!(SiteSettings))),
        (INDEX_SCHEMA, text(schema_for!(ArticleIndex))),
        (ARTICLE_SCHEMA, text(schema_for!(Article))),
        (LOCALE_SCHEMA, json_text(&words_schema())),
    ]
}

fn text(schema: Schema) -> String {
    json_text(&schema)
}

fn json_text(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
